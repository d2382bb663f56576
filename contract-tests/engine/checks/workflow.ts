/** Stateful workflows: create → get → update → get → archive per resource, read-backs compared with what was written. */
import type { CheckModule } from '../check-module.js';
import { findWorkflows, runWorkflow } from '../workflows.js';

export const workflowCheck: CheckModule = {
  name: 'workflow',
  family: 'behaviour',
  label: 'stateful workflows',
  title: (check) => `Workflow: ${check.id.replace(/^\S+ workflow: /, '')} (${check.reason ?? ''})`,
  planRun: ({ operations, seed }) =>
    findWorkflows(operations).map((workflow) => {
      const steps = ['create', 'get', ...(workflow.update ? ['update', 'get'] : []), ...(workflow.archive ? ['archive'] : [])];
      return {
        id: `${workflow.resource} workflow: ${steps.join(' → ')}`,
        kind: 'workflow',
        operation: workflow.create,
        name: workflow.resource,
        workflow,
        seed,
      };
    }),
  skip: (_check, config) =>
    config.kind === 'prism' ? 'a Prism mock keeps no state: workflows run against a live target with --allow-writes' : undefined,
  async run(check, _planned, config) {
    const { exchange, findings, steps, created } = await runWorkflow(check.workflow!, config, check.seed ?? 0);
    return {
      ...(exchange ? { exchange } : {}),
      findings,
      reason: `steps run: ${steps.join(' → ')}`,
      ...(created ? { created } : {}),
    };
  },
};
