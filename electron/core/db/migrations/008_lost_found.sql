-- Lost and found: signed intake of found property, custody history, visitors' lost reports and
-- their matches, claims with valid ID, and weekly handover batches to finance.

CREATE TABLE lf_category (
  code TEXT PRIMARY KEY CHECK (code IN ('phone', 'wallet', 'bag', 'idDocument', 'keys', 'jewellery', 'cash', 'clothing', 'childItem', 'other')),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  -- Days an item is held for its owner after the day it was found; 0 = until closing that day.
  holding_days INTEGER NOT NULL CHECK (holding_days BETWEEN 0 AND 365),
  sort INTEGER NOT NULL
) STRICT;

INSERT INTO lf_category (code, name_zh, name_en, holding_days, sort) VALUES
  ('phone', '手机', 'Phone', 30, 1),
  ('wallet', '钱包', 'Wallet', 30, 2),
  ('bag', '包', 'Bag', 30, 3),
  ('idDocument', '证件', 'ID document', 7, 4),
  ('keys', '钥匙', 'Keys', 15, 5),
  ('jewellery', '首饰', 'Jewellery', 30, 6),
  ('cash', '现金', 'Cash', 30, 7),
  ('clothing', '衣物', 'Clothing', 7, 8),
  ('childItem', '儿童用品', 'Child item', 7, 9),
  ('other', '其他', 'Other', 15, 10);

CREATE TABLE lf_handover (
  id INTEGER PRIMARY KEY,
  batch_no TEXT NOT NULL UNIQUE,
  client_ref TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff (id),
  center_signature TEXT NOT NULL,
  finance_name TEXT NOT NULL,
  finance_signature TEXT NOT NULL,
  item_count INTEGER NOT NULL,
  cash_fen INTEGER NOT NULL DEFAULT 0,
  print_job INTEGER REFERENCES print_job (id)
) STRICT;

CREATE TABLE lf_item (
  id INTEGER PRIMARY KEY,
  item_no TEXT NOT NULL UNIQUE,
  client_ref TEXT NOT NULL UNIQUE,
  park_date TEXT NOT NULL,
  seq INTEGER NOT NULL,
  category TEXT NOT NULL REFERENCES lf_category (code),
  description TEXT NOT NULL,
  colour TEXT NOT NULL DEFAULT '',
  brand TEXT NOT NULL DEFAULT '',
  found_place TEXT NOT NULL,
  found_at INTEGER NOT NULL,
  water_world INTEGER NOT NULL DEFAULT 0 CHECK (water_world IN (0, 1)),
  finder_name TEXT NOT NULL,
  finder_department_id INTEGER REFERENCES department (id),
  finder_phone TEXT,
  contents TEXT NOT NULL DEFAULT '',
  cash_fen INTEGER NOT NULL DEFAULT 0 CHECK (cash_fen >= 0),
  cash_counted_by_1 INTEGER REFERENCES staff (id),
  cash_counted_by_2 INTEGER REFERENCES staff (id),
  valuable INTEGER NOT NULL DEFAULT 0 CHECK (valuable IN (0, 1)),
  storage_kind TEXT NOT NULL CHECK (storage_kind IN ('shelf', 'bin', 'safe')),
  storage_place TEXT NOT NULL,
  hidden_details TEXT NOT NULL DEFAULT '',
  finder_signature TEXT NOT NULL,
  receiver_signature TEXT NOT NULL,
  received_by INTEGER NOT NULL REFERENCES staff (id),
  received_at INTEGER NOT NULL,
  verified_by INTEGER REFERENCES staff (id),
  verified_at INTEGER,
  verifier_signature TEXT,
  status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'returned', 'handedOver')),
  holding_until INTEGER NOT NULL,
  paging_id INTEGER REFERENCES paging_request (id),
  handover_id INTEGER REFERENCES lf_handover (id),
  intake_job INTEGER REFERENCES print_job (id),
  label_job INTEGER REFERENCES print_job (id),
  UNIQUE (park_date, seq),
  CHECK (cash_fen = 0 OR (cash_counted_by_1 IS NOT NULL AND cash_counted_by_2 IS NOT NULL AND cash_counted_by_1 <> cash_counted_by_2)),
  CHECK ((status = 'handedOver') = (handover_id IS NOT NULL))
) STRICT;

CREATE INDEX lf_item_by_status ON lf_item (status, holding_until);
CREATE INDEX lf_item_by_category ON lf_item (category, found_at);
CREATE INDEX lf_item_by_found ON lf_item (found_at);
CREATE INDEX lf_item_by_received ON lf_item (received_at);

CREATE TABLE lf_photo (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES lf_item (id),
  data_url TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX lf_photo_by_item ON lf_photo (item_id);

-- Every step of an item's custody, who and when.
CREATE TABLE lf_custody (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES lf_item (id),
  at INTEGER NOT NULL,
  staff_id INTEGER REFERENCES staff (id),
  kind TEXT NOT NULL CHECK (kind IN ('intake', 'verified', 'moved', 'announced', 'matched', 'claimed', 'handedOver')),
  detail TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX lf_custody_by_item ON lf_custody (item_id, at);

CREATE TABLE lf_claim (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL UNIQUE REFERENCES lf_item (id),
  claimant_name TEXT NOT NULL,
  phone TEXT,
  id_type TEXT NOT NULL CHECK (id_type IN ('resident', 'passport', 'hkMacau', 'taiwan', 'other')),
  id_number TEXT,
  id_masked TEXT NOT NULL,
  description TEXT NOT NULL,
  answers TEXT NOT NULL DEFAULT '',
  verification_note TEXT NOT NULL DEFAULT '',
  owner_signature TEXT NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at INTEGER NOT NULL,
  print_job INTEGER REFERENCES print_job (id)
) STRICT;

CREATE TABLE lf_report (
  id INTEGER PRIMARY KEY,
  report_no TEXT NOT NULL UNIQUE,
  client_ref TEXT NOT NULL UNIQUE,
  category TEXT NOT NULL REFERENCES lf_category (code),
  description TEXT NOT NULL,
  colour TEXT NOT NULL DEFAULT '',
  lost_place TEXT NOT NULL,
  lost_at INTEGER NOT NULL,
  visitor_name TEXT NOT NULL,
  phone TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'found', 'closed')),
  item_id INTEGER REFERENCES lf_item (id),
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES staff (id),
  closed_at INTEGER,
  close_note TEXT
) STRICT;

CREATE INDEX lf_report_by_status ON lf_report (status, lost_at);

CREATE TABLE lf_match (
  report_id INTEGER NOT NULL REFERENCES lf_report (id),
  item_id INTEGER NOT NULL REFERENCES lf_item (id),
  decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  at INTEGER NOT NULL,
  PRIMARY KEY (report_id, item_id)
) STRICT;

CREATE INDEX lf_match_by_item ON lf_match (item_id);

-- Full-text search over Chinese and English (see shared/rules/search.ts): bigrams and Latin words,
-- and single characters; contentless, the rows' own columns are the content.
CREATE VIRTUAL TABLE lf_item_fts USING fts5(words, chars, content = '', contentless_delete = 1, tokenize = 'unicode61');
CREATE VIRTUAL TABLE lf_report_fts USING fts5(words, chars, content = '', contentless_delete = 1, tokenize = 'unicode61');
