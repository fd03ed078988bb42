-- A slip closed before anyone contacted its requester stops its 5-minute clock when it closed: the
-- dashboard's count of what was due reads the closing time, from the same covering index.
DROP INDEX paging_response_by_date;
CREATE INDEX paging_response_by_date ON paging_request (park_date, created_at, acknowledged_at, first_aired_at, closed_at, status);
