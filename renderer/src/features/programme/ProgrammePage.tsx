import { ComingSoon } from '../coming/ComingSoon';

export function ProgrammePage() {
  return <ComingSoon title="nav.programme" what="coming.programme" />;
}
