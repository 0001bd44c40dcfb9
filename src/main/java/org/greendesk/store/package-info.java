/**
 * Durable state over JDBC: the database (H2 file by default, PostgreSQL when configured), its Flyway migrations,
 * and a small helper for plain SQL. Core package: imports no channel, web or LLM library.
 */
@NullMarked
package org.greendesk.store;

import org.jspecify.annotations.NullMarked;
