/**
 * Language models behind the assistant's {@link org.greendesk.assistant.LanguageModel} port: the LangChain4j
 * OpenAI-compatible client (Ollama, vLLM, llama.cpp, LM Studio, hosted APIs), and the guard every call passes
 * through (timeout, bounded concurrency, circuit breaker, metrics). LangChain4j's types and exceptions stop here.
 */
@NullMarked
package org.greendesk.llm;

import org.jspecify.annotations.NullMarked;
