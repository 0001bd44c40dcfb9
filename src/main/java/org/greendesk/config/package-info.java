/** Settings, read once from the environment, and the wiring that builds the object graph from them. */
@NullMarked
package org.greendesk.config;

import org.jspecify.annotations.NullMarked;
