/** The words for each project tab, in the tabs and in the breadcrumbs alike. */
import type { ProjectTabId } from '$lib/domain/navigation/navigation';
import { m } from '$lib/paraglide/messages.js';

const LABELS: Record<ProjectTabId, () => string> = {
	overview: m.shell_tab_overview,
	dashboard: m.dashboard_title,
	expenses: m.shell_tab_expenses,
	trips: m.trips_title,
	imports: m.imports_title,
	documents: m.documents_title,
	control: m.control_tab,
	edit: m.project_edit
};

export const tabLabel = (id: ProjectTabId): string => LABELS[id]();
