// A background job (plan or repair) followed to its end: a progress bar
// filled from the job's server-sent events (/api/jobs/N/events, with the
// token in the address: an EventSource cannot send a header), its state in
// words, and a cancel button. Falls back to asking every half second when
// the stream breaks.
import { esc } from './html.js';

export function jobHtml(t, id) {
  return `<section class="job card" data-job="${esc(id)}" aria-live="polite">
    <h2>${esc(t('job.title', { id }))}</h2>
    <progress data-role="job-progress" max="100" value="0"></progress>
    <p><span data-role="job-state" data-state="running">${esc(t('job.running'))}</span>
       <span class="job-detail"></span></p>
    <p class="job-message"></p>
    <button type="button" data-action="cancel">${esc(t('job.cancel'))}</button>
  </section>`;
}

// Resolves with the job's last state once it is done, cancelled or failed.
export function followJob(section, id, ctx, expectedSeconds) {
  const { api, t } = ctx;
  const bar = section.querySelector('[data-role=job-progress]');
  const stateEl = section.querySelector('[data-role=job-state]');
  const detail = section.querySelector('.job-detail');
  const message = section.querySelector('.job-message');
  const cancel = section.querySelector('[data-action=cancel]');

  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    try {
      await api.post(`/api/jobs/${id}/cancel`);
    } catch (e) {
      cancel.disabled = false;
      message.textContent = e.message;
    }
  });

  const show = (job) => {
    const running = job.state === 'running';
    const fraction = expectedSeconds > 0 ? Math.min(job.elapsed / expectedSeconds, 0.99) : 0.5;
    bar.value = running ? Math.round(fraction * 100) : 100;
    stateEl.dataset.state = job.state;
    stateEl.textContent = t(`job.${job.state}`);
    const parts = [];
    if (job.best) parts.push(t('job.best', { hard: job.best.hard, soft: job.best.soft }));
    if (job.moves) parts.push(t('job.moves', { n: job.moves.toLocaleString(ctx.locale) }));
    parts.push(t('job.seconds', { s: Number(job.elapsed || 0).toFixed(1) }));
    detail.textContent = ` · ${parts.join(' · ')}`;
    if (!running) {
      message.textContent = job.message || '';
      cancel.hidden = true;
    }
  };

  return new Promise((resolve) => {
    let finished = false;
    let source = null;
    const end = (job) => {
      if (finished) return;
      finished = true;
      if (source) source.close();
      show(job);
      resolve(job);
    };
    const poll = async () => {
      while (!finished) {
        try {
          const job = await api.get(`/api/jobs/${id}`);
          if (job.state !== 'running') return end(job);
          show(job);
        } catch (e) {
          return end({ state: 'failed', message: e.message, elapsed: 0 });
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    source = new EventSource(api.url(`/api/jobs/${id}/events`));
    source.addEventListener('progress', (event) => show(JSON.parse(event.data)));
    source.addEventListener('end', (event) => end(JSON.parse(event.data)));
    source.onerror = () => {
      if (finished) return;
      source.close();
      poll();
    };
    ctx.onLeave(() => {
      finished = true;
      source.close();
    });
  });
}
