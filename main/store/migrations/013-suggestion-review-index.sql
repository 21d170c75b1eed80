-- The review index without the status: accepting, undoing or redoing a
-- million suggestions changes the status of each, and with the status in the
-- index every one of those rows also moved inside it (half the cost of the
-- statement). The grid's filters and counts by status read the row anyway,
-- as they do for the kind.
DROP INDEX fix_suggestions_review;
CREATE INDEX fix_suggestions_review ON fix_suggestions(run_id, rule, field);
