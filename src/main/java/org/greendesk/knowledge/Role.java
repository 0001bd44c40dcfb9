package org.greendesk.knowledge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.greendesk.base.WireName;

/**
 * The part a company plays for a rule, as {@code applies_to} names it. {@link #SUPPLIER} is never an obligation: a
 * rule that lists it also matters to a company abroad that sells the covered goods to the companies it obliges,
 * because they will ask it for data or compliance.
 */
public enum Role implements WireName {
  MANUFACTURER, PRODUCER, IMPORTER, EXPORTER, DISTRIBUTOR, RETAILER, SERVICE, SUPPLIER;

  public static Optional<Role> of(String name) {
    return Arrays.stream(values()).filter(r -> r.wire().equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
  }
}
