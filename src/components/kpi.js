// A headline figure: label, value, and progress against its target (bar + one line saying met or not).
import {html} from "htl";

/**
 * @param {{label: string, value: string, sub?: string, progress?: number, status?: "ok"|"short"|null, statusText?: string, testId?: string}} spec
 */
export function kpi({label, value, sub, progress, status, statusText, testId}) {
  return html`<div class="jh-kpi" data-kpi=${testId ?? ""}>
    <h3>${label}</h3>
    <div class="jh-value">${value}</div>
    ${progress != null
      ? html`<div class="jh-progress" role="img" aria-label=${statusText ?? ""}><span style=${`width:${Math.max(0, Math.min(1, progress)) * 100}%;background:${status === "ok" ? "var(--jh-rural)" : "var(--jh-urban)"}`}></span></div>`
      : null}
    ${statusText ? html`<div class=${status === "ok" ? "jh-ok" : status === "short" ? "jh-short" : "jh-sub"}>${statusText}</div>` : null}
    ${sub ? html`<div class="jh-sub">${sub}</div>` : null}
  </div>`;
}

export function kpis(items) {
  return html`<div class="jh-kpis">${items}</div>`;
}
