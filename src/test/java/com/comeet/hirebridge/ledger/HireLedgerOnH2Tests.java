package com.comeet.hirebridge.ledger;

/**
 * The ledger suite on the embedded H2 database, the default.
 */
class HireLedgerOnH2Tests extends HireLedgerSuite {
}
