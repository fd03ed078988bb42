-- The dashboard counts a range of dates (up to two years) by the time of each record. The rentals,
-- complaints, paging requests and items received already have their index by time or date; claims,
-- handover batches and the items in each batch get theirs here, so no count reads a whole table.

CREATE INDEX lf_claim_by_at ON lf_claim (at);
CREATE INDEX lf_handover_by_created ON lf_handover (created_at);
CREATE INDEX lf_item_by_handover ON lf_item (handover_id) WHERE handover_id IS NOT NULL;
