import { screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { graphqlError, type RenderRouteOptions, renderRoute } from '~/test/render';
import {
  PublicAuditDocument,
  RecordPublicObservationDocument,
  SubmitPublicAuditDocument,
} from '../graphql/audits.graphql';
import { PublicAuditPage } from './PublicAuditPage';

const token = 'tok-123';

const publicAudit = (status = 'IN_PROGRESS', observed = [false, false]) => ({
  request: { query: PublicAuditDocument, variables: { token } },
  result: {
    data: {
      publicAudit: {
        __typename: 'PublicAudit',
        title: 'Book a repair',
        scenario: 'Book a repair by phone, then pick it up in store',
        businessName: 'Lovelace Bakery',
        status,
        steps: [
          {
            __typename: 'PublicAuditStep',
            touchpointId: '0b6f3c1e-1c1a-4c1e-9a43-000000000001',
            name: 'Phone line',
            channel: 'PHONE',
            observed: observed[0],
          },
          {
            __typename: 'PublicAuditStep',
            touchpointId: '0b6f3c1e-1c1a-4c1e-9a43-000000000002',
            name: 'Counter',
            channel: 'STORE',
            observed: observed[1],
          },
        ],
      },
    },
  },
});

const input = {
  touchpointId: '0b6f3c1e-1c1a-4c1e-9a43-000000000001',
  expected: 'A quick answer',
  experienced: 'Waited five minutes on hold',
  surprise: 'LETDOWN',
  friction: 2,
  accuracy: 4,
  availability: 2,
  partnership: 3,
  advice: 5,
  wouldReturn: false,
  notes: null,
};

const render = (mocks: RenderRouteOptions['mocks']) =>
  renderRoute(<PublicAuditPage />, { path: '/a/:token', url: `/a/${token}`, mocks, member: null });

async function fillStep(user: UserEvent) {
  await user.type(screen.getByLabelText(/What did you expect/), 'A quick answer');
  await user.type(screen.getByLabelText('What happened?'), 'Waited five minutes on hold');
  await user.click(screen.getByRole('radio', { name: /Letdown/ }));
  await user.click(screen.getByRole('radio', { name: /Obstacle/ }));
  const rate = (factor: string, label: string) =>
    user.click(
      within(screen.getByRole('group', { name: new RegExp(factor) })).getByRole('radio', { name: label }),
    );
  await rate('Accuracy', '4 Very good');
  await rate('Availability', '2 Fair');
  await rate('Partnership', '3 Good');
  await rate('Advice', '5 Excellent');
  await user.click(
    within(screen.getByRole('group', { name: /want to return/ })).getByRole('radio', { name: 'No' }),
  );
}

describe('PublicAuditPage', () => {
  it('walks one step per screen and records each step with the right variables', async () => {
    const user = userEvent.setup();
    render([
      publicAudit(),
      {
        request: { query: RecordPublicObservationDocument, variables: { token, input } },
        result: { data: { recordPublicObservation: true } },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'Phone line' })).toBeInTheDocument();
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    await fillStep(user);
    await user.click(screen.getByRole('button', { name: 'Save & next' }));
    expect(await screen.findByRole('heading', { name: 'Counter' })).toHaveFocus();
    expect(screen.getByText('Step 2 of 2')).toBeInTheDocument();
    // Back keeps what was entered.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByLabelText('What happened?')).toHaveValue('Waited five minutes on hold');
    expect(screen.getByRole('radio', { name: /Letdown/ })).toBeChecked();
  });

  it('validates a step with the domain schema and shows errors beside the fields', async () => {
    const user = userEvent.setup();
    render([publicAudit()]);
    await screen.findByRole('heading', { name: 'Phone line' });
    await user.click(screen.getByRole('button', { name: 'Save & next' }));
    expect(await screen.findByText('Required')).toBeInTheDocument();
    expect(screen.getByLabelText('What happened?')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('What happened?')).toHaveFocus();
    expect(screen.getByText('Choose None, Delight or Letdown')).toBeInTheDocument();
    expect(screen.getByText('Choose how much friction you met')).toBeInTheDocument();
    expect(screen.getAllByText('Rate from 1 to 5')).toHaveLength(4);
    expect(screen.getByText('Choose yes or no')).toBeInTheDocument();
    // Still on the first step.
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();
  });

  it('shows API field errors beside their fields', async () => {
    const user = userEvent.setup();
    render([
      publicAudit(),
      {
        request: { query: RecordPublicObservationDocument, variables: { token, input } },
        result: {
          errors: [graphqlError('BAD_USER_INPUT', 'Some details need fixing.', { experienced: 'Too vague' })],
        },
      },
    ]);
    await screen.findByRole('heading', { name: 'Phone line' });
    await fillStep(user);
    await user.click(screen.getByRole('button', { name: 'Save & next' }));
    expect(await screen.findByText('Too vague')).toBeInTheDocument();
    expect(screen.getByLabelText('What happened?')).toHaveAttribute('aria-invalid', 'true');
  });

  it('selects a rating from the keyboard', async () => {
    const user = userEvent.setup();
    render([publicAudit()]);
    await screen.findByRole('heading', { name: 'Phone line' });
    const accuracy = within(screen.getByRole('group', { name: /Accuracy/ }));
    accuracy.getByRole('radio', { name: '1 Poor' }).focus();
    await user.keyboard(' ');
    expect(accuracy.getByRole('radio', { name: '1 Poor' })).toBeChecked();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(accuracy.getByRole('radio', { name: '3 Good' })).toBeChecked();
    expect(accuracy.getByRole('radio', { name: '3 Good' })).toHaveFocus();
    expect(accuracy.getByRole('radio', { name: '1 Poor' })).not.toBeChecked();
  });

  it('summarises every step, observed or not, and submits', async () => {
    const user = userEvent.setup();
    render([
      publicAudit(),
      {
        request: { query: RecordPublicObservationDocument, variables: { token, input } },
        result: { data: { recordPublicObservation: true } },
      },
      {
        request: { query: SubmitPublicAuditDocument, variables: { token } },
        result: { data: { submitPublicAudit: true } },
      },
    ]);
    await screen.findByRole('heading', { name: 'Phone line' });
    await fillStep(user);
    await user.click(screen.getByRole('button', { name: 'Save & next' }));
    await screen.findByRole('heading', { name: 'Counter' });
    await user.click(screen.getByRole('button', { name: 'Skip to review' }));
    expect(await screen.findByRole('heading', { name: 'Your audit' })).toHaveFocus();
    expect(screen.getByText('Review and submit')).toBeInTheDocument();
    const [phone, counter] = screen.getAllByRole('listitem') as HTMLElement[];
    expect(within(phone as HTMLElement).getByText('Waited five minutes on hold')).toBeInTheDocument();
    expect(within(phone as HTMLElement).getByText('Recorded')).toBeInTheDocument();
    expect(within(counter as HTMLElement).getAllByText('Not recorded').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Submit audit' }));
    expect(await screen.findByRole('heading', { name: 'This audit is closed' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit audit' })).not.toBeInTheDocument();
  });

  it('disables Submit with a message until a step is recorded', async () => {
    const user = userEvent.setup();
    render([publicAudit()]);
    await screen.findByRole('heading', { name: 'Phone line' });
    await user.click(screen.getByRole('button', { name: 'Skip this step' }));
    await user.click(await screen.findByRole('button', { name: 'Skip to review' }));
    const submit = await screen.findByRole('button', { name: 'Submit audit' });
    expect(submit).toBeDisabled();
    expect(submit).toHaveAccessibleDescription('Record at least one step to submit the audit.');
    await user.click(screen.getByRole('button', { name: 'Record Counter' }));
    expect(await screen.findByRole('heading', { name: 'Counter' })).toBeInTheDocument();
  });

  it('resumes at the first step not recorded, and says a recorded step will be replaced', async () => {
    const user = userEvent.setup();
    render([publicAudit('IN_PROGRESS', [true, false])]);
    expect(await screen.findByRole('heading', { name: 'Counter' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByText(/saving it again replaces it/)).toBeInTheDocument();
  });

  it('shows the audit as closed when it was submitted meanwhile', async () => {
    const user = userEvent.setup();
    render([
      publicAudit(),
      {
        request: { query: RecordPublicObservationDocument, variables: { token, input } },
        result: {
          errors: [graphqlError('CONFLICT', 'This audit has been submitted: nothing more can be recorded')],
        },
      },
    ]);
    await screen.findByRole('heading', { name: 'Phone line' });
    await fillStep(user);
    await user.click(screen.getByRole('button', { name: 'Save & next' }));
    expect(await screen.findByRole('heading', { name: 'This audit is closed' })).toBeInTheDocument();
  });

  it('shows a closed link as closed, with thanks', async () => {
    render([publicAudit('SUBMITTED', [true, true])]);
    expect(await screen.findByRole('heading', { name: 'This audit is closed' })).toBeInTheDocument();
    expect(screen.getByText(/Thank you for your time/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save|Submit/ })).not.toBeInTheDocument();
  });

  it('says when the link is not valid', async () => {
    render([
      {
        request: { query: PublicAuditDocument, variables: { token } },
        result: { errors: [graphqlError('NOT_FOUND', 'This audit link is not valid')] },
      },
    ]);
    expect(await screen.findByText('This audit link is not valid')).toBeInTheDocument();
  });
});
