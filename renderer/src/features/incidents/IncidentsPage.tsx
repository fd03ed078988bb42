import { ComingSoon } from '../coming/ComingSoon';

export function IncidentsPage() {
  return <ComingSoon title="nav.incidents" what="coming.incidents" />;
}
