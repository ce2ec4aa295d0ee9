export function EmptyState({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <section className="screen empty-state" data-testid={testId}>
      <h1>{title}</h1>
      <p>{text}</p>
    </section>
  )
}
