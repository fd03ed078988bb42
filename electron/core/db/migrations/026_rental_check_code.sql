-- The deposit receipt is the voucher for the refund. A short code printed on it (and carried in its
-- QR code and barcode), never shown on a screen, is asked for at the return unless the visitor has
-- lost the receipt, which takes a manager's approval. Rentals made before it have none.
ALTER TABLE rental ADD COLUMN check_code TEXT CHECK (check_code IS NULL OR length(check_code) = 4);
