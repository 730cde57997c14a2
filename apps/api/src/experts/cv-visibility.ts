/**
 * THE rule of who may read an expert's CV (docs/experts.md): the tenant's staff who keep the
 * roster (`experts.manage`) and the expert themself; nobody else, other experts and focal points
 * included. Every read of `expert_cvs` (the profile's CV, its download) embeds it.
 */
export interface CvViewer {
  /** uuid: the caller. */
  userId: string;
  /** boolean: whether the caller keeps the roster. */
  staff: string;
}

export function cvViewerParams(first = 1): CvViewer {
  return { userId: `$${first}::uuid`, staff: `$${first + 1}::boolean` };
}

/** Whether the caller may read the CV `alias` (a row of expert_cvs). */
export function visibleCv(alias: string, viewer: CvViewer): string {
  return `(${viewer.staff} or ${alias}.user_id = ${viewer.userId})`;
}
