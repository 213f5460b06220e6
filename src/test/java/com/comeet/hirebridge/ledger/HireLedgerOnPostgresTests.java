package com.comeet.hirebridge.ledger;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger suite on a real PostgreSQL server (embedded), as in production.
 */
class HireLedgerOnPostgresTests extends HireLedgerSuite {

    private static final PostgresDatabase DATABASE = PostgresDatabase.create();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        DATABASE.addTo(registry);
    }
}
