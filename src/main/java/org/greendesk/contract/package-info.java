/**
 * The contract other tools drive GreenDesk through (see the README): the request and answer JSON shared by the
 * command line and the REST API. An edge package: the core never imports it.
 */
@NullMarked
package org.greendesk.contract;

import org.jspecify.annotations.NullMarked;
