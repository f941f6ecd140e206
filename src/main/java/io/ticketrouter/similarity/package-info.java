/**
 * Similar past tickets: a Lucene index over the terms the classifier's text analysis gives, answering which stored
 * tickets are nearest to a text. Knows nothing of the server; the server keeps the index in step with the database
 * ({@code io.ticketrouter.infrastructure.search}), evaluation and tests use it in memory.
 */
package io.ticketrouter.similarity;
