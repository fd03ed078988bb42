-- Which version of the search tokens the lost-and-found index holds (see shared/rules/search.ts). The
-- core indexes every item and report again at start when it is older than the tokens it makes: no row
-- here is version 0, the tokens before Latin words were split from Chinese ("nike运动鞋").
CREATE TABLE search_index_version (
  name TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 0)
) STRICT;
