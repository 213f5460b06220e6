-- A look-up for a hire whose answer was lost adopts an employee only if no other hire of the company has it.
CREATE INDEX hire_employee ON hire (company, employee_id);
