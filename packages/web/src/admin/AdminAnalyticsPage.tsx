export function AdminAnalyticsPage() {
  return <p>Coming soon.</p>;
}
