/**
 * A stand-in for the ticket REST API, used by the browser tests only while the build under test has no REST API of
 * its own (the service branch not merged yet). {@code ServerProcess} adds these classes to a copy of the WAR in that
 * case and says so loudly; with the real API in the WAR they are not deployed. The WebSocket endpoint, the security
 * filter, the model resource and the pages under test are always the real ones.
 */
package io.ticketrouter.it.fakeapi;
