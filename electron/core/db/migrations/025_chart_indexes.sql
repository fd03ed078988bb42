-- The season charts read their counts from indexes alone (no row of the year looked up one by one):
-- the complaints per day, category and department, and the rentals' quarter-hour counts.

CREATE INDEX complaint_chart ON complaint (park_date, category, department_id);
CREATE INDEX rental_quarter_counts ON rental_quarter (slot, type_id, n);
