/** Authenticated text reads and downloads of API files (the article, exports). */
import { session } from '../../api/client';
import { toApiError } from '../../lib/problem';

async function fetchOk(url: string): Promise<Response> {
  const response = await session.fetch(url);
  if (!response.ok) {
    let body: unknown = undefined;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    throw toApiError({ ...(typeof body === 'object' && body ? body : {}), status: response.status });
  }
  return response;
}

export async function fetchText(url: string): Promise<string> {
  return (await fetchOk(url)).text();
}

/** Save the file the API answers, under the name its Content-Disposition gives. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const response = await fetchOk(url);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
