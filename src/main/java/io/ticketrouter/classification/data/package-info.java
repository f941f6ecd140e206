/**
 * Reading labelled tickets from CSV files: the first step of the data flow
 * (file → {@link io.ticketrouter.classification.data.TicketRecord} → {@link io.ticketrouter.classification.data.TicketDataset}).
 *
 * <p>Depends on commons-csv and the JDK only; knows nothing about text processing or models.
 */
package io.ticketrouter.classification.data;
