// Scrutiny by the Police and Crime Panel: its meetings and the actions it asked for.
import { visiblePlanWhere } from '../access/where.js';
import { builder } from '../builder.js';
import { PanelActionStatusEnum } from './scalars.js';

builder.prismaNode('PanelMeeting', {
  description: 'A meeting of the Police and Crime Panel that scrutinised the plan.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, plan: visiblePlanWhere(ctx.caller) }),
  fields: (t) => ({
    heldOn: t.expose('heldOn', { type: 'Date', description: 'When it met.' }),
    title: t.exposeString('title', { description: 'Its title.' }),
    source: t.exposeString('source', { nullable: true, description: 'Where its papers are.' }),
    plan: t.relation('plan', { description: 'The plan scrutinised.' }),
    actions: t.relation('actions', {
      description: 'What it asked the office to do.',
      complexity: { field: 1, multiplier: 5 },
      query: { orderBy: { id: 'asc' } },
    }),
  }),
});

builder.prismaNode('PanelAction', {
  description: 'Something the Panel asked the office to do, and the response.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, meeting: { plan: visiblePlanWhere(ctx.caller) } }),
  fields: (t) => ({
    priorityNumber: t.exposeInt('priorityNumber', {
      nullable: true,
      description: 'The priority it concerns, if one.',
    }),
    text: t.exposeString('text', { description: 'What was asked.' }),
    status: t.field({
      type: PanelActionStatusEnum,
      description: 'Where it stands.',
      resolve: (a) => a.status,
    }),
    response: t.exposeString('response', { nullable: true, description: "The office's response." }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true, description: 'When it is due.' }),
    meeting: t.relation('meeting', { description: 'The meeting that asked.' }),
  }),
});

builder.prismaObjectField('Plan', 'panelMeetings', (t) =>
  t.relation('panelMeetings', {
    description: 'Panel meetings that scrutinised the plan, oldest first.',
    complexity: { field: 1, multiplier: 10 },
    query: { orderBy: { heldOn: 'asc' } },
  }),
);
