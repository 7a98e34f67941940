// Uploads a file into a dataset with a progress bar: starts a multipart upload through the API,
// sends each part (straight to S3 with a presigned URL where the buckets allow it, else through
// the control plane), then completes it; the platform checks the SHA-256 of every part it sees and
// of the whole file.
const form = document.getElementById('upload-form');

function xsrf() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.split('=')[1]) : '';
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': xsrf() },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(json.detail || json.title || response.statusText);
  }
  return json;
}

function put(url, blob, headers, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    Object.entries(headers).forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = (event) => onProgress(event.loaded);
    request.onload = () => (request.status < 300 ? resolve() : reject(new Error(request.responseText || request.statusText)));
    request.onerror = () => reject(new Error('The connection dropped: upload again to resume'));
    request.send(blob);
  });
}

if (form) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('upload-file').files[0];
    const path = document.getElementById('upload-path').value.trim() || (file && file.name);
    const status = document.getElementById('upload-status');
    const progress = document.getElementById('upload-progress');
    document.getElementById('upload-progress-box').hidden = false;
    if (!file) {
      status.textContent = 'Choose a file to upload';
      return;
    }
    const base = `/api/v1/datasets/${form.dataset.dataset}/uploads`;
    try {
      await fetch('/api/v1/auth/csrf', { credentials: 'same-origin' });
      const upload = await api('POST', base, { path, size: file.size });
      let direct = true;
      let sent = 0;
      for (let n = 1; n <= upload.partCount; n += 1) {
        const part = file.slice((n - 1) * upload.partSize, Math.min(file.size, n * upload.partSize));
        const show = (loaded) => {
          progress.value = Math.floor(((sent + loaded) * 100) / file.size);
          status.textContent = `${progress.value}% of ${file.name}`;
        };
        let url = `${base}/${upload.id}/parts/${n}`;
        let headers = { 'Content-Type': 'application/octet-stream', 'X-XSRF-TOKEN': xsrf() };
        if (direct) {
          try {
            url = (await api('POST', `${base}/${upload.id}/presigned-parts`, { parts: [n] }))[0].url;
            headers = {};
          } catch (refused) {
            direct = false;
          }
        }
        await put(url, part, headers, show);
        sent += part.size;
        show(0);
      }
      const done = await api('POST', `${base}/${upload.id}/complete`);
      progress.value = 100;
      status.textContent = `Uploaded ${done.path}, SHA-256 ${done.sha256}`;
      status.dataset.state = done.state;
    } catch (failure) {
      status.textContent = `The upload failed: ${failure.message}`;
      status.dataset.state = 'FAILED';
    }
  });
}
