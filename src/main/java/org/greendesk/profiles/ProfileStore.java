package org.greendesk.profiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.greendesk.knowledge.Threshold.Fact;
import org.greendesk.profile.Profile;
import org.greendesk.store.Jdbc;
import org.jspecify.annotations.Nullable;

/** SMEs' profiles in the database ({@code sme_profiles}), each named by a conversation of its SME. Thread safe. */
public final class ProfileStore {
  private static final String SME_OF = "(SELECT sme_id FROM conversations WHERE id = ?)";
  private final Jdbc jdbc;

  public ProfileStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A profile as stored.
   *
   * @param step the question of {@code /profile} the SME is answering; {@code null} when it is not answering any
   */
  public record Stored(Profile profile, @Nullable Step step) {}

  public Optional<Stored> find(long conversationId) {
    return jdbc.queryOne("SELECT economy, sector, products, exports_to, employees, turnover_eur, "
        + "annual_emissions_tco2e, step FROM sme_profiles WHERE sme_id = " + SME_OF, ProfileStore::stored,
        conversationId);
  }

  private static Stored stored(ResultSet row) throws SQLException {
    Map<Fact, Double> facts = new EnumMap<>(Fact.class);
    fact(row, "employees", Fact.EMPLOYEES, facts);
    fact(row, "turnover_eur", Fact.TURNOVER_EUR, facts);
    fact(row, "annual_emissions_tco2e", Fact.ANNUAL_EMISSIONS_TCO2E, facts);
    Profile profile = new Profile(null, row.getString("economy"), row.getString("sector"),
        lines(row.getString("products")), lines(row.getString("exports_to")), facts, Set.of());
    String step = row.getString("step");
    return new Stored(profile, step == null ? null : Step.fromWire(step));
  }

  private static void fact(ResultSet row, String column, Fact fact, Map<Fact, Double> facts) throws SQLException {
    double value = row.getDouble(column);
    if (!row.wasNull()) {
      facts.put(fact, value);
    }
  }

  private static List<String> lines(@Nullable String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank())
        .toList();
  }

  /** Writes the profile and the question the SME is at ({@code null}: none), replacing what was there. */
  public void save(long conversationId, Profile profile, @Nullable Step step, Instant now) {
    Object[] values = {profile.economy(), profile.sector(), String.join("\n", profile.products()),
        String.join("\n", profile.exportsTo()), profile.fact(Fact.EMPLOYEES).orElse(null),
        profile.fact(Fact.TURNOVER_EUR).orElse(null), profile.fact(Fact.ANNUAL_EMISSIONS_TCO2E).orElse(null),
        step == null ? null : step.wire(), now, conversationId};
    jdbc.inTransaction(() -> {
      if (jdbc.update("UPDATE sme_profiles SET economy = ?, sector = ?, products = ?, exports_to = ?, employees = ?, "
          + "turnover_eur = ?, annual_emissions_tco2e = ?, step = ?, updated_at = ? WHERE sme_id = " + SME_OF,
          values) == 0) {
        jdbc.insert("INSERT INTO sme_profiles (economy, sector, products, exports_to, employees, turnover_eur, "
            + "annual_emissions_tco2e, step, updated_at, sme_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + SME_OF + ")",
            values);
      }
      return null;
    });
  }

  /** The SME stops answering {@code /profile}'s questions; what they answered stays. */
  public void leaveFlow(long conversationId) {
    jdbc.update("UPDATE sme_profiles SET step = NULL WHERE step IS NOT NULL AND sme_id = " + SME_OF, conversationId);
  }

  /** Deletes the SME's profile, as {@code /forget} asks. */
  public void forget(long conversationId) {
    jdbc.update("DELETE FROM sme_profiles WHERE sme_id = " + SME_OF, conversationId);
  }

  /** Every stored profile that names its economy, by SME id: whose dates their check finds. */
  public Map<Long, Profile> all() {
    Map<Long, Profile> all = new LinkedHashMap<>();
    jdbc.query("SELECT sme_id, economy, sector, products, exports_to, employees, turnover_eur, "
        + "annual_emissions_tco2e, step FROM sme_profiles WHERE economy IS NOT NULL ORDER BY sme_id",
        row -> Map.entry(row.getLong("sme_id"), stored(row).profile()))
        .forEach(e -> all.put(e.getKey(), e.getValue()));
    return all;
  }
}
