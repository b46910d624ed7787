import { type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';

import { OfferPage } from './features/offers/OfferPage';
import { OffersPage } from './features/offers/OffersPage';
import { AssignmentPage } from './features/assignments/AssignmentPage';
import { AssignmentsPage } from './features/assignments/AssignmentsPage';
import { RecordAssignmentPage } from './features/assignments/RecordAssignmentPage';
import { ReferralsPage } from './features/referrals/ReferralsPage';
import { HoursPage } from './features/hours/HoursPage';
import { CompliancePage } from './features/compliance/CompliancePage';
import type { Permission } from './client/types.gen';
import { AppLayout } from './components/AppLayout';
import { Loading } from './components/Feedback';
import { NotFound } from './components/NotFound';
import { AccountPage } from './features/account/AccountPage';
import { AuditPage } from './features/audit/AuditPage';
import { useAuth } from './features/auth/AuthProvider';
import { LoginPage } from './features/auth/LoginPage';
import { ForgotPasswordPage, ResetPasswordPage } from './features/auth/PasswordResetPages';
import { HomePage } from './features/home/HomePage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { OrganisationFormPage } from './features/organisations/OrganisationFormPage';
import { OrganisationsPage } from './features/organisations/OrganisationsPage';
import { UserFormPage } from './features/users/UserFormPage';
import { EligibilityQueuePage } from './features/participants/EligibilityQueuePage';
import { ImportPage } from './features/participants/ImportPage';
import { ParticipantEditPage, ParticipantFormPage } from './features/participants/ParticipantFormPage';
import { ParticipantPage } from './features/participants/ParticipantPage';
import { ParticipantsPage } from './features/participants/ParticipantsPage';
import { ParticipantsStatsPage } from './features/participants/ParticipantsStatsPage';
import { ClauseSettingsPage } from './features/tenders/ClauseSettingsPage';
import { LotPage } from './features/tenders/LotPage';
import { OperationPage } from './features/tenders/OperationPage';
import { OperationsPage } from './features/tenders/OperationsPage';
import { TenderEditPage, TenderFormPage } from './features/tenders/TenderFormPage';
import { TenderPage } from './features/tenders/TenderPage';
import { TendersPage } from './features/tenders/TendersPage';
import { UsersPage } from './features/users/UsersPage';

/** Signed-in pages: to /login without a session, "not found" without the permission. */
function Protected({ children, permission }: { children: ReactNode; permission?: Permission }) {
  const { me, loading, can } = useAuth();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <AppLayout>{permission && !can(permission) ? <NotFound /> : children}</AppLayout>;
}

/** The sign-in pages send a signed-in person home. */
function PublicOnly({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  if (loading) return <Loading />;
  return me ? <Navigate to="/" replace /> : children;
}

const page = (element: ReactNode, permission?: Permission) => (
  <Protected permission={permission}>{element}</Protected>
);

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<PublicOnly><LoginPage /></PublicOnly>} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/" element={page(<HomePage />)} />
      <Route path="/account" element={page(<AccountPage />)} />
      <Route path="/notifications" element={page(<NotificationsPage />)} />
      <Route path="/organisations" element={page(<OrganisationsPage />, 'organisations:read')} />
      <Route path="/organisations/new" element={page(<OrganisationFormPage />, 'organisations:manage')} />
      <Route path="/organisations/:id" element={page(<OrganisationFormPage />, 'organisations:read')} />
      <Route path="/users" element={page(<UsersPage />, 'users:read')} />
      <Route path="/users/new" element={page(<UserFormPage />, 'users:manage')} />
      <Route path="/users/:id" element={page(<UserFormPage />, 'users:read')} />
      <Route path="/audit" element={page(<AuditPage />, 'audit:read')} />
      <Route path="/operations" element={page(<OperationsPage />, 'operations:read')} />
      <Route path="/operations/:id" element={page(<OperationPage />, 'operations:read')} />
      <Route path="/tenders" element={page(<TendersPage />, 'tenders:read')} />
      <Route path="/tenders/new" element={page(<TenderFormPage />, 'tenders:edit')} />
      <Route path="/tenders/:id" element={page(<TenderPage />, 'tenders:read')} />
      <Route path="/tenders/:id/edit" element={page(<TenderEditPage />, 'tenders:edit')} />
      <Route path="/tenders/:tenderId/lots/:lotId" element={page(<LotPage />, 'tenders:read')} />
      <Route path="/clause-settings" element={page(<ClauseSettingsPage />, 'clause_settings:read')} />
      <Route path="/participants" element={page(<ParticipantsPage />, 'participants:read')} />
      <Route path="/participants/new" element={page(<ParticipantFormPage />, 'participants:write')} />
      <Route path="/participants/import" element={page(<ImportPage />, 'participants:write')} />
      <Route path="/participants/stats" element={page(<ParticipantsStatsPage />, 'participants:read')} />
      <Route path="/participants/:id" element={page(<ParticipantPage />, 'participants:read')} />
      <Route path="/participants/:id/edit" element={page(<ParticipantEditPage />, 'participants:write')} />
      <Route path="/eligibility-queue" element={page(<EligibilityQueuePage />, 'eligibility:validate')} />
      <Route path="/offers" element={page(<OffersPage />, 'offers:read')} />
      <Route path="/offers/:id" element={page(<OfferPage />, 'offers:read')} />
      <Route path="/referrals" element={page(<ReferralsPage />, 'referrals:read')} />
      <Route path="/assignments" element={page(<AssignmentsPage />, 'assignments:read')} />
      <Route path="/assignments/new" element={page(<RecordAssignmentPage />, 'assignments:record')} />
      <Route path="/assignments/:id" element={page(<AssignmentPage />, 'assignments:read')} />
      <Route path="/hours" element={page(<HoursPage />, 'hours:read')} />
      <Route path="/compliance" element={page(<CompliancePage />, 'compliance:read')} />
      <Route path="*" element={page(<NotFound />)} />
    </Routes>
  );
}
