/** Progress of an import sent from the page: the upload, then the server's reading and writing. */
export interface UploadProgress {
  phase: 'upload' | 'reading' | 'writing' | 'done';
  /** 0 to 1. */
  share: number;
  rows: number;
}

/**
 * Streams the file as the raw request body to `POST /data-import/<source>` (XMLHttpRequest:
 * fetch cannot report upload progress) and reads the NDJSON answer as it arrives: progress
 * lines, then the report (its id is returned).
 */
export function uploadImport(
  source: string,
  vintage: string,
  file: File,
  onProgress: (p: UploadProgress) => void,
): Promise<{ importId: string | null; message: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = vintage ? `?vintage=${encodeURIComponent(vintage)}` : '';
    xhr.open('POST', `/data-import/${encodeURIComponent(source)}${query}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    let seen = 0;
    let importId: string | null = null;
    let message: string | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const event = JSON.parse(line);
        if (event.type === 'progress') onProgress({ phase: event.phase, share: file.size ? Math.min(1, event.bytes / file.size) : 1, rows: event.rows });
        else if (event.type === 'report') importId = String(event.report.importId);
        else if (event.type === 'error') message = event.message;
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', share: e.lengthComputable ? e.loaded / e.total : 0, rows: 0 });
    xhr.onprogress = () => xhr.status === 200 && readLines();
    xhr.onload = () => {
      if (xhr.status !== 200) return resolve({ importId: null, message: xhr.responseText || `HTTP ${xhr.status}` });
      readLines();
      resolve({ importId, message });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}
