/** In-process embedding models (ONNX, shipped inside Maven jars): the adapter behind the search's Embedder port. */
@NullMarked
package org.greendesk.embedding;

import org.jspecify.annotations.NullMarked;
