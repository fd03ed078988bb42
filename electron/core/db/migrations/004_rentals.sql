-- Rentals: item types with their deposit, units with an asset tag, the daily inspection, repair
-- tickets, and rentals against a deposit with their receipt number.

CREATE TABLE item_type (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  deposit_fen INTEGER NOT NULL CHECK (deposit_fen >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- The three the park lends from day one, at the deposits the settings held until now.
INSERT INTO item_type (code, name_zh, name_en, deposit_fen, sort, created_at, updated_at) VALUES
  ('wheelchair', '轮椅', 'Wheelchair',
    COALESCE((SELECT json_extract(value, '$.wheelchair') FROM setting WHERE key = 'deposits'), 50000), 1, 0, 0),
  ('stroller', '婴儿车', 'Stroller',
    COALESCE((SELECT json_extract(value, '$.stroller') FROM setting WHERE key = 'deposits'), 30000), 2, 0, 0),
  ('umbrella', '雨伞', 'Umbrella',
    COALESCE((SELECT json_extract(value, '$.umbrella') FROM setting WHERE key = 'deposits'), 5000), 3, 0, 0);

-- Deposits now live with their item type: one place, edited with the equipment.
DELETE FROM setting WHERE key = 'deposits';

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  type_id INTEGER NOT NULL REFERENCES item_type (id),
  tag TEXT NOT NULL COLLATE NOCASE UNIQUE,
  status TEXT NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'out', 'repair', 'retired')),
  -- The park date of the last OK inspection; cleared when the unit goes to repair.
  inspected_on TEXT,
  inspected_at INTEGER,
  note TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX unit_by_type ON unit (type_id, status);

CREATE TABLE inspection (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  park_date TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('ok', 'damaged')),
  note TEXT,
  at INTEGER NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id)
) STRICT;

CREATE INDEX inspection_by_unit ON inspection (unit_id, at);

CREATE TABLE repair (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  fault TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('inspection', 'return', 'manual')),
  opened_at INTEGER NOT NULL,
  opened_by INTEGER NOT NULL REFERENCES staff (id),
  sent_at INTEGER,
  sent_to TEXT,
  back_at INTEGER,
  cost_fen INTEGER CHECK (cost_fen >= 0),
  closed_by INTEGER REFERENCES staff (id),
  note TEXT
) STRICT;

CREATE INDEX repair_open ON repair (back_at, unit_id);
CREATE UNIQUE INDEX one_open_repair_per_unit ON repair (unit_id) WHERE back_at IS NULL;

CREATE TABLE rental (
  id INTEGER PRIMARY KEY,
  receipt_no TEXT NOT NULL UNIQUE,
  park_date TEXT NOT NULL,
  seq INTEGER NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  type_id INTEGER NOT NULL REFERENCES item_type (id),
  visitor_name TEXT NOT NULL,
  phone TEXT,
  id_type TEXT NOT NULL CHECK (id_type IN ('resident', 'passport', 'hkMacau', 'taiwan', 'other')),
  id_number TEXT,
  id_masked TEXT NOT NULL,
  deposit_fen INTEGER NOT NULL CHECK (deposit_fen >= 0),
  standard_deposit_fen INTEGER NOT NULL CHECK (standard_deposit_fen >= 0),
  override_reason TEXT,
  override_by INTEGER REFERENCES staff (id),
  payment TEXT NOT NULL CHECK (payment IN ('cash', 'wechat', 'alipay', 'card')),
  out_at INTEGER NOT NULL,
  out_by INTEGER NOT NULL REFERENCES staff (id),
  due_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'out' CHECK (status IN ('out', 'returned')),
  returned_at INTEGER,
  returned_by INTEGER REFERENCES staff (id),
  condition TEXT CHECK (condition IN ('good', 'damaged', 'missing')),
  refund_fen INTEGER CHECK (refund_fen >= 0),
  kept_fen INTEGER CHECK (kept_fen >= 0),
  kept_reason TEXT,
  approved_by INTEGER REFERENCES staff (id),
  lost_receipt INTEGER NOT NULL DEFAULT 0 CHECK (lost_receipt IN (0, 1)),
  receipt_job INTEGER REFERENCES print_job (id),
  slip_job INTEGER REFERENCES print_job (id),
  UNIQUE (park_date, seq),
  CHECK ((status = 'out') = (returned_at IS NULL)),
  CHECK (status = 'out' OR refund_fen + kept_fen = deposit_fen)
) STRICT;

-- A unit is out on one rental at most.
CREATE UNIQUE INDEX one_open_rental_per_unit ON rental (unit_id) WHERE status = 'out';
CREATE INDEX rental_open_by_due ON rental (status, due_at);
CREATE INDEX rental_by_out_at ON rental (out_at);
CREATE INDEX rental_by_returned_at ON rental (returned_at) WHERE returned_at IS NOT NULL;
CREATE INDEX rental_by_phone ON rental (phone);
CREATE INDEX rental_by_id_number ON rental (id_number);
