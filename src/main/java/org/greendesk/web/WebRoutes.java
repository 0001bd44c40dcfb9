package org.greendesk.web;

import io.javalin.config.RoutesConfig;

/** Routes one part of GreenDesk adds to the web server, before it starts. */
@FunctionalInterface
public interface WebRoutes {
  void addTo(RoutesConfig routes);
}
