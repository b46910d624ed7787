import { cpvLabel } from './cpv';
import { useCpvCode } from './useCpvCode';

/** A stored CPV code with the label of its group (or division) once known. */
export function CpvText({ code }: { code: string }) {
  const { data } = useCpvCode(code);
  return (
    <>
      <span className="mono">{code}</span>
      {data && ` — ${cpvLabel(data)}`}
    </>
  );
}
