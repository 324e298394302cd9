import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlError, type RenderRouteOptions, renderRoute, staffMember } from '~/test/render';
import {
  FeedbackSettingsDocument,
  SetFeedbackAutoRequestDocument,
  UpdateFeedbackCapDocument,
} from '../graphql/settings.graphql';
import { FeedbackSettings } from './FeedbackSettings';

const SURVEY = '00000000-0000-4000-8000-000000000401';
const ANON = '00000000-0000-4000-8000-000000000402';
const TP = '00000000-0000-4000-8000-000000000501';

const settings = (workspace: Record<string, unknown> = {}) => ({
  request: { query: FeedbackSettingsDocument },
  result: {
    data: {
      me: {
        __typename: 'Member',
        id: 'm-1',
        workspace: {
          __typename: 'Workspace',
          id: 'ws-1',
          feedbackCapDays: 30,
          autoFeedbackTrigger: null,
          autoFeedbackSurvey: null,
          autoFeedbackTouchpoint: null,
          ...workspace,
        },
      },
      surveys: [
        { __typename: 'Survey', id: SURVEY, name: 'After delivery', anonymous: false },
        { __typename: 'Survey', id: ANON, name: 'At the counter', anonymous: true },
      ],
      touchpoints: [{ __typename: 'Touchpoint', id: TP, name: 'Counter' }],
    },
  },
});

const render = (mocks: RenderRouteOptions['mocks'], member?: RenderRouteOptions['member']) =>
  renderRoute(<FeedbackSettings />, { mocks, ...(member !== undefined && { member }) });

describe('FeedbackSettings', () => {
  it('saves the waiting period, with field errors from the schema and the API', async () => {
    const user = userEvent.setup();
    render([
      settings(),
      {
        request: { query: UpdateFeedbackCapDocument, variables: { feedbackCapDays: 45 } },
        result: { data: { updateWorkspace: { __typename: 'Workspace', id: 'ws-1', feedbackCapDays: 45 } } },
      },
      {
        request: { query: UpdateFeedbackCapDocument, variables: { feedbackCapDays: 50 } },
        result: {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Some details need fixing.', { feedbackCapDays: 'Too long' }),
          ],
        },
      },
    ]);
    const form = await screen.findByRole('form', { name: 'Waiting period' });
    const days = within(form).getByLabelText('Waiting period between requests (days)');
    expect(days).toHaveValue(30);
    await user.clear(days);
    await user.type(days, '400');
    await user.click(within(form).getByRole('button', { name: 'Save waiting period' }));
    expect(await within(form).findByText('At most 365 days')).toBeInTheDocument();
    expect(days).toHaveAttribute('aria-invalid', 'true');

    await user.clear(days);
    await user.type(days, '45');
    await user.click(within(form).getByRole('button', { name: 'Save waiting period' }));
    expect(await within(form).findByText('Waiting period saved.')).toBeInTheDocument();

    await user.clear(days);
    await user.type(days, '50');
    await user.click(within(form).getByRole('button', { name: 'Save waiting period' }));
    expect(await within(form).findByText('Too long')).toBeInTheDocument();
  });

  it('sets the automatic request after an interaction at a touchpoint, offering attributed surveys', async () => {
    const user = userEvent.setup();
    render([
      settings(),
      {
        request: {
          query: SetFeedbackAutoRequestDocument,
          variables: { surveyId: SURVEY, trigger: 'TOUCHPOINT', touchpointId: TP },
        },
        result: {
          data: {
            setFeedbackAutoRequest: {
              __typename: 'Workspace',
              id: 'ws-1',
              autoFeedbackTrigger: 'TOUCHPOINT',
              autoFeedbackSurvey: { __typename: 'Survey', id: SURVEY, name: 'After delivery' },
              autoFeedbackTouchpoint: { __typename: 'Touchpoint', id: TP, name: 'Counter' },
            },
          },
        },
      },
    ]);
    const form = await screen.findByRole('form', { name: 'Automatic request' });
    const survey = within(form).getByLabelText('Ask automatically with');
    expect(
      within(survey)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Off', 'After delivery']);
    expect(within(form).queryByLabelText('When')).not.toBeInTheDocument();
    await user.selectOptions(survey, SURVEY);
    await user.selectOptions(within(form).getByLabelText('When'), 'TOUCHPOINT');
    await user.click(within(form).getByRole('button', { name: 'Save automatic request' }));
    expect(await within(form).findByText('Choose the touchpoint')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Touchpoint'), TP);
    await user.click(within(form).getByRole('button', { name: 'Save automatic request' }));
    expect(await within(form).findByText('Automatic request saved.')).toBeInTheDocument();
  });

  it('switches the automatic request off', async () => {
    const user = userEvent.setup();
    render([
      settings({
        autoFeedbackTrigger: 'FIRST_INTERACTION',
        autoFeedbackSurvey: { __typename: 'Survey', id: SURVEY, name: 'After delivery' },
      }),
      {
        request: {
          query: SetFeedbackAutoRequestDocument,
          variables: { surveyId: null, trigger: null, touchpointId: null },
        },
        result: {
          data: {
            setFeedbackAutoRequest: {
              __typename: 'Workspace',
              id: 'ws-1',
              autoFeedbackTrigger: null,
              autoFeedbackSurvey: null,
              autoFeedbackTouchpoint: null,
            },
          },
        },
      },
    ]);
    const form = await screen.findByRole('form', { name: 'Automatic request' });
    expect(within(form).getByLabelText('Ask automatically with')).toHaveValue(SURVEY);
    expect(within(form).getByLabelText('When')).toHaveValue('FIRST_INTERACTION');
    await user.selectOptions(within(form).getByLabelText('Ask automatically with'), '');
    await user.click(within(form).getByRole('button', { name: 'Save automatic request' }));
    expect(await within(form).findByText('Automatic request switched off.')).toBeInTheDocument();
  });

  it('shows staff the rules without a way to change them', async () => {
    render(
      [
        settings({
          feedbackCapDays: 14,
          autoFeedbackTrigger: 'TOUCHPOINT',
          autoFeedbackSurvey: { __typename: 'Survey', id: SURVEY, name: 'After delivery' },
          autoFeedbackTouchpoint: { __typename: 'Touchpoint', id: TP, name: 'Counter' },
        }),
      ],
      staffMember,
    );
    expect(await screen.findByText('At most once every 14 days')).toBeInTheDocument();
    expect(screen.getByText('“After delivery” after an interaction at Counter')).toBeInTheDocument();
    expect(screen.getByText('Only owners can change these.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
