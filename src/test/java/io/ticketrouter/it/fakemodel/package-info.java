/**
 * A stand-in model for the browser tests, used only when no trained test bundle is available (the training code of
 * the ML branch not merged yet). {@code ServerProcess} then adds these classes to a copy of the WAR and says so; the
 * CDI alternative {@link io.ticketrouter.it.fakemodel.FakeClassifierRegistry} replaces the bundle registry. Everything
 * else — REST API, persistence, events, WebSocket, pages — is the real application.
 */
package io.ticketrouter.it.fakemodel;
