-- The RFM view's monthly charts (issue 12) group every dated transaction by
-- month, kind and currency, and a month's bar opens that month's buyers or
-- refunders. transactions_rfm is in customer order, so grouping it by month
-- sorted all 5 million rows (about 1.5 s per 500,000 measured); in month
-- order the sums are one pass over this covering index, and a month's
-- customers one seek into it. txn_day is in it so the as-of bound is covered.
CREATE INDEX transactions_month ON transactions(substr(txn_day, 1, 7), is_refund, amount_currency, txn_day, customer_id, amount_value);
