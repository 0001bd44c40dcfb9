/**
 * The REST API under {@code /api}: answers in the contract's JSON, the events calendar, knowledge documents, and
 * (with the staff token) the escalation queue, described by the OpenAPI file at {@code /api/openapi.yaml}. An edge
 * package: the core never imports it.
 */
@NullMarked
package org.greendesk.api;

import org.jspecify.annotations.NullMarked;
