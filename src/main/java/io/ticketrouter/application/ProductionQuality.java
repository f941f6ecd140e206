package io.ticketrouter.application;

/** The production quality figures shown in the dashboard's model view and exported as gauges. */
public interface ProductionQuality {

    /** The current figures; computed from the database at most every few seconds. */
    QualityReport report();
}
