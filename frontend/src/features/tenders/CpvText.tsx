import { cpvLabel } from './cpv';
import { useCpvCode } from './useCpvCode';

/** A stored CPV code with its own label once known. */
export function CpvText({ code }: { code: string }) {
  const { data } = useCpvCode(code);
  return (
    <>
      <span className="mono">{code}</span>
      {data && ` — ${cpvLabel(data)}`}
    </>
  );
}
