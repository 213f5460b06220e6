-- A hire the HRIS accepted but keeps for approval (a Workday business process not yet completed) has no employee
-- id yet: the ledger records it as created, with the HRIS's reference of the event instead.
ALTER TABLE hire ADD COLUMN event_reference VARCHAR(100);
