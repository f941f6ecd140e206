package io.ticketrouter.infrastructure.persistence.jpa;

import io.ticketrouter.application.QualityStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** One grouped SQL query over the ticket table (portable between H2 and PostgreSQL). */
@ApplicationScoped
public class JpaQualityStatistics implements QualityStatistics {

    private static final String SQL = "SELECT model_version, predicted_queue, COUNT(*), SUM(needs_review),"
            + " SUM(CASE WHEN predicted_queue = final_queue THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN predicted_priority = final_priority THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN corrected_queue IS NOT NULL OR corrected_priority IS NOT NULL THEN 1 ELSE 0 END)"
            + " FROM ticket WHERE channel IS NULL OR channel <> 'import'" // imported history is not production
            + " GROUP BY model_version, predicted_queue";

    @PersistenceContext(unitName = "tickets")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Object o : em.createNativeQuery(SQL).getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6])));
        }
        return rows;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
