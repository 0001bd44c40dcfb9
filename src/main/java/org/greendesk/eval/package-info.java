/** Measuring retrieval: the project's own question set, and public benchmarks in BEIR's format. */
@NullMarked
package org.greendesk.eval;

import org.jspecify.annotations.NullMarked;
