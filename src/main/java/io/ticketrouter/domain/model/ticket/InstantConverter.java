package io.ticketrouter.domain.model.ticket;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Stores {@link Instant} as a SQL timestamp (Jakarta Persistence 3.1 has no built-in mapping for it). The columns
 * keep microseconds (PostgreSQL and H2 {@code TIMESTAMP}); entities hold their instants at that precision
 * ({@link #stored}), so a ticket answers the same times before and after it is read back from the database.
 */
@Converter
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    /** The instant as the database keeps it: truncated to microseconds (the clock may give nanoseconds). */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Timestamp convertToDatabaseColumn(Instant attribute) {
        return attribute == null ? null : Timestamp.from(attribute);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp dbData) {
        return dbData == null ? null : dbData.toInstant();
    }
}
