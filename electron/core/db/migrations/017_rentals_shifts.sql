-- Shifts of the counter's deposit drawer: a clerk opens one at the counter; every clerk working the
-- drawer shares it (it does not end when someone signs out or the screen changes hands); it is
-- closed with the drawer counted for each payment method. The figures of a shift are the rentals'
-- own, by time: deposits taken, refunded and kept between its opening and its close.
CREATE TABLE cash_shift (
  id INTEGER PRIMARY KEY,
  opened_at INTEGER NOT NULL,
  opened_by INTEGER NOT NULL REFERENCES staff (id),
  closed_at INTEGER CHECK (closed_at IS NULL OR closed_at >= opened_at),
  closed_by INTEGER REFERENCES staff (id),
  note TEXT NOT NULL DEFAULT '',
  CHECK ((closed_at IS NULL) = (closed_by IS NULL))
) STRICT;

-- One drawer: at most one shift open at a time.
CREATE UNIQUE INDEX one_open_cash_shift ON cash_shift ((closed_at IS NULL)) WHERE closed_at IS NULL;
CREATE INDEX cash_shift_by_opened ON cash_shift (opened_at);

-- The count at the close, fixed with the figure it was counted against.
CREATE TABLE cash_shift_count (
  shift_id INTEGER NOT NULL REFERENCES cash_shift (id),
  payment TEXT NOT NULL CHECK (payment IN ('cash', 'wechat', 'alipay', 'card')),
  expected_fen INTEGER NOT NULL,
  counted_fen INTEGER NOT NULL CHECK (counted_fen >= 0),
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (shift_id, payment)
) STRICT;
