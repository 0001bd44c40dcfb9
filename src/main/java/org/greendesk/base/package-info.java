/**
 * Small building blocks every package may use: the threads GreenDesk's executors run on, and how its enums are
 * spelt in JSON, metrics and settings. Depends on nothing of GreenDesk.
 */
@NullMarked
package org.greendesk.base;

import org.jspecify.annotations.NullMarked;
