/**
 * UI strings the generator uses, with the rewordings a release might make and translations. The matcher
 * never sees this table (it has no dictionary): a translated label simply stops matching, as it would on
 * a real page. Columns: English | rewordings (comma-separated) | de | fr | es | it | pt | nl | pl | ja.
 */
const TABLE = `
Save|Save changes,Save now,Apply|Speichern|Enregistrer|Guardar|Salva|Salvar|Opslaan|Zapisz|保存
Cancel|Discard,Close|Abbrechen|Annuler|Cancelar|Annulla|Cancelar|Annuleren|Anuluj|キャンセル
Edit|Edit record,Modify|Bearbeiten|Modifier|Editar|Modifica|Editar|Bewerken|Edytuj|編集
Delete|Remove,Delete permanently|Löschen|Supprimer|Eliminar|Elimina|Excluir|Verwijderen|Usuń|削除
Search|Search…,Find|Suchen|Rechercher|Buscar|Cerca|Pesquisar|Zoeken|Szukaj|検索
New|Create,New record,Add new|Neu|Nouveau|Nuevo|Nuovo|Novo|Nieuw|Nowy|新規
Import|Import data,Upload|Importieren|Importer|Importar|Importa|Importar|Importeren|Importuj|インポート
Export|Export to CSV,Download|Exportieren|Exporter|Exportar|Esporta|Exportar|Exporteren|Eksportuj|エクスポート
Filter|Filters,Filter results|Filtern|Filtrer|Filtrar|Filtra|Filtrar|Filteren|Filtruj|フィルター
Columns|Choose columns,Columns…|Spalten|Colonnes|Columnas|Colonne|Colunas|Kolommen|Kolumny|列
Refresh|Reload,Refresh list|Aktualisieren|Actualiser|Actualizar|Aggiorna|Atualizar|Vernieuwen|Odśwież|更新
Previous|Prev,Previous page|Zurück|Précédent|Anterior|Precedente|Anterior|Vorige|Poprzednia|前へ
Next|Next page,More|Weiter|Suivant|Siguiente|Successivo|Próximo|Volgende|Następna|次へ
Home|Dashboard,Start|Startseite|Accueil|Inicio|Home|Início|Start|Strona główna|ホーム
Contacts|People,All contacts|Kontakte|Contacts|Contactos|Contatti|Contatos|Contacten|Kontakty|連絡先
Companies|Accounts,Organizations|Unternehmen|Entreprises|Empresas|Aziende|Empresas|Bedrijven|Firmy|会社
Deals|Opportunities,Pipeline|Geschäfte|Affaires|Negocios|Trattative|Negócios|Deals|Transakcje|商談
Reports|Analytics,Insights|Berichte|Rapports|Informes|Report|Relatórios|Rapporten|Raporty|レポート
Settings|Preferences,Options|Einstellungen|Paramètres|Configuración|Impostazioni|Configurações|Instellingen|Ustawienia|設定
Follow|Watch,Subscribe|Folgen|Suivre|Seguir|Segui|Seguir|Volgen|Obserwuj|フォロー
More|More actions,Actions|Mehr|Plus|Más|Altro|Mais|Meer|Więcej|その他
Overview|Summary,Details|Übersicht|Aperçu|Resumen|Panoramica|Visão geral|Overzicht|Przegląd|概要
Activity|Timeline,History|Aktivität|Activité|Actividad|Attività|Atividade|Activiteit|Aktywność|アクティビティ
Emails|Email,Messages|E-Mails|E-mails|Correos|Email|E-mails|E-mails|E-maile|メール
Notes|Comments,Notes & files|Notizen|Notes|Notas|Note|Notas|Notities|Notatki|メモ
First name|Given name,First Name|Vorname|Prénom|Nombre|Nome|Nome|Voornaam|Imię|名
Last name|Family name,Surname|Nachname|Nom|Apellido|Cognome|Sobrenome|Achternaam|Nazwisko|姓
Email|Email address,E-mail|E-Mail|E-mail|Correo electrónico|Email|E-mail|E-mail|E-mail|メールアドレス
Phone|Phone number,Telephone|Telefon|Téléphone|Teléfono|Telefono|Telefone|Telefoon|Telefon|電話
Company|Organization,Account|Firma|Société|Empresa|Azienda|Empresa|Bedrijf|Firma|会社名
Owner|Record owner,Assigned to|Inhaber|Propriétaire|Propietario|Proprietario|Proprietário|Eigenaar|Właściciel|所有者
Log a call|Log call,Record a call|Anruf protokollieren|Enregistrer un appel|Registrar llamada|Registra chiamata|Registrar chamada|Gesprek vastleggen|Zapisz połączenie|通話を記録
Add note|New note,Add a note|Notiz hinzufügen|Ajouter une note|Añadir nota|Aggiungi nota|Adicionar nota|Notitie toevoegen|Dodaj notatkę|メモを追加
Contact details|Details,Contact information|Kontaktdaten|Coordonnées|Datos de contacto|Dettagli contatto|Dados de contato|Contactgegevens|Dane kontaktowe|連絡先の詳細
Open deals|Active deals,Deals in progress|Offene Geschäfte|Affaires ouvertes|Negocios abiertos|Trattative aperte|Negócios abertos|Open deals|Otwarte transakcje|進行中の商談
Invoices|Bills,Sales invoices|Rechnungen|Factures|Facturas|Fatture|Faturas|Facturen|Faktury|請求書
Customer|Client,Buyer|Kunde|Client|Cliente|Cliente|Cliente|Klant|Klient|顧客
Amount|Total,Value|Betrag|Montant|Importe|Importo|Valor|Bedrag|Kwota|金額
Status|State,Stage|Status|Statut|Estado|Stato|Status|Status|Status|状態
Inbox|Primary,All mail|Posteingang|Boîte de réception|Bandeja de entrada|Posta in arrivo|Caixa de entrada|Postvak IN|Odebrane|受信トレイ
Starred|Favorites,Flagged|Markiert|Suivis|Destacados|Speciali|Com estrela|Met ster|Oznaczone gwiazdką|スター付き
Sent|Sent mail,Outbox|Gesendet|Envoyés|Enviados|Inviati|Enviados|Verzonden|Wysłane|送信済み
Drafts|Draft,Unsent|Entwürfe|Brouillons|Borradores|Bozze|Rascunhos|Concepten|Wersje robocze|下書き
Spam|Junk,Junk mail|Spam|Spam|Spam|Spam|Spam|Spam|Spam|迷惑メール
Trash|Bin,Deleted items|Papierkorb|Corbeille|Papelera|Cestino|Lixeira|Prullenbak|Kosz|ゴミ箱
Compose|New message,Write|Schreiben|Nouveau message|Redactar|Scrivi|Escrever|Opstellen|Utwórz|作成
Archive|Archive message,Move to archive|Archivieren|Archiver|Archivar|Archivia|Arquivar|Archiveren|Archiwizuj|アーカイブ
Mark as read|Mark read,Read|Als gelesen markieren|Marquer comme lu|Marcar como leído|Segna come letto|Marcar como lida|Markeren als gelezen|Oznacz jako przeczytane|既読にする
Move to|Move,Move to folder|Verschieben nach|Déplacer vers|Mover a|Sposta in|Mover para|Verplaatsen naar|Przenieś do|移動
Labels|Tags,Label as|Labels|Libellés|Etiquetas|Etichette|Marcadores|Labels|Etykiety|ラベル
Reply|Respond,Reply to sender|Antworten|Répondre|Responder|Rispondi|Responder|Beantwoorden|Odpowiedz|返信
Reply all|Reply to all,Respond to all|Allen antworten|Répondre à tous|Responder a todos|Rispondi a tutti|Responder a todos|Allen beantwoorden|Odpowiedz wszystkim|全員に返信
Forward|Fwd,Forward message|Weiterleiten|Transférer|Reenviar|Inoltra|Encaminhar|Doorsturen|Przekaż dalej|転送
Profile|My profile,Personal info|Profil|Profil|Perfil|Profilo|Perfil|Profiel|Profil|プロフィール
Account|Account settings,My account|Konto|Compte|Cuenta|Account|Conta|Account|Konto|アカウント
Notifications|Alerts,Notification settings|Benachrichtigungen|Notifications|Notificaciones|Notifiche|Notificações|Meldingen|Powiadomienia|通知
Security|Privacy & security,Sign-in & security|Sicherheit|Sécurité|Seguridad|Sicurezza|Segurança|Beveiliging|Bezpieczeństwo|セキュリティ
Billing|Billing & plans,Payments|Abrechnung|Facturation|Facturación|Fatturazione|Faturamento|Facturering|Rozliczenia|請求
Integrations|Apps,Connected apps|Integrationen|Intégrations|Integraciones|Integrazioni|Integrações|Integraties|Integracje|連携
Language|Display language,Locale|Sprache|Langue|Idioma|Lingua|Idioma|Taal|Język|言語
Time zone|Timezone,Your time zone|Zeitzone|Fuseau horaire|Zona horaria|Fuso orario|Fuso horário|Tijdzone|Strefa czasowa|タイムゾーン
Email notifications|Email alerts,Notify me by email|E-Mail-Benachrichtigungen|Notifications par e-mail|Notificaciones por correo|Notifiche email|Notificações por e-mail|E-mailmeldingen|Powiadomienia e-mail|メール通知
Two-factor authentication|2-step verification,Two-factor auth|Zwei-Faktor-Authentifizierung|Authentification à deux facteurs|Autenticación en dos pasos|Autenticazione a due fattori|Autenticação de dois fatores|Tweestapsverificatie|Uwierzytelnianie dwuskładnikowe|二要素認証
Change password|Update password,Reset password|Passwort ändern|Changer le mot de passe|Cambiar contraseña|Cambia password|Alterar senha|Wachtwoord wijzigen|Zmień hasło|パスワードを変更
Connect|Link,Add integration|Verbinden|Connecter|Conectar|Collega|Conectar|Verbinden|Połącz|接続
Disconnect|Unlink,Remove integration|Trennen|Déconnecter|Desconectar|Scollega|Desconectar|Loskoppelen|Rozłącz|切断
Upgrade plan|Upgrade,Change plan|Tarif upgraden|Mettre à niveau|Mejorar plan|Aggiorna piano|Fazer upgrade|Abonnement upgraden|Zmień plan|プランをアップグレード
Shipping address|Delivery address,Ship to|Lieferadresse|Adresse de livraison|Dirección de envío|Indirizzo di spedizione|Endereço de entrega|Verzendadres|Adres dostawy|配送先住所
Billing address|Invoice address,Bill to|Rechnungsadresse|Adresse de facturation|Dirección de facturación|Indirizzo di fatturazione|Endereço de cobrança|Factuuradres|Adres rozliczeniowy|請求先住所
Street|Address line 1,Street address|Straße|Rue|Calle|Via|Rua|Straat|Ulica|番地
City|Town,City / Town|Stadt|Ville|Ciudad|Città|Cidade|Plaats|Miasto|市区町村
Postal code|ZIP code,Postcode|Postleitzahl|Code postal|Código postal|CAP|CEP|Postcode|Kod pocztowy|郵便番号
Country|Country/Region,Nation|Land|Pays|País|Paese|País|Land|Kraj|国
Continue|Next step,Proceed|Weiter|Continuer|Continuar|Continua|Continuar|Doorgaan|Dalej|続行
Back|Go back,Previous step|Zurück|Retour|Atrás|Indietro|Voltar|Terug|Wstecz|戻る
Place order|Confirm order,Buy now|Bestellen|Commander|Realizar pedido|Effettua ordine|Finalizar pedido|Bestelling plaatsen|Złóż zamówienie|注文する
Same as shipping|Use shipping address,Same address|Wie Lieferadresse|Identique à la livraison|Igual que el envío|Uguale alla spedizione|Igual ao de entrega|Zelfde als verzendadres|Taki sam jak dostawy|配送先と同じ
Create report|New report,Build report|Bericht erstellen|Créer un rapport|Crear informe|Crea report|Criar relatório|Rapport maken|Utwórz raport|レポートを作成
Report name|Name,Title|Berichtsname|Nom du rapport|Nombre del informe|Nome report|Nome do relatório|Rapportnaam|Nazwa raportu|レポート名
Date range|Period,Dates|Zeitraum|Période|Rango de fechas|Intervallo di date|Período|Datumbereik|Zakres dat|期間
Create|Create now,Done|Erstellen|Créer|Crear|Crea|Criar|Maken|Utwórz|作成する
Revenue|Sales,Income|Umsatz|Chiffre d'affaires|Ingresos|Ricavi|Receita|Omzet|Przychód|収益
New customers|New clients,Customers gained|Neukunden|Nouveaux clients|Nuevos clientes|Nuovi clienti|Novos clientes|Nieuwe klanten|Nowi klienci|新規顧客
Churn rate|Churn,Cancellation rate|Abwanderungsrate|Taux d'attrition|Tasa de abandono|Tasso di abbandono|Taxa de churn|Verloop|Wskaźnik rezygnacji|解約率
Share|Share report,Send|Teilen|Partager|Compartir|Condividi|Compartilhar|Delen|Udostępnij|共有
Download|Download PDF,Save as PDF|Herunterladen|Télécharger|Descargar|Scarica|Baixar|Downloaden|Pobierz|ダウンロード
Add card|New card,Add a card|Karte hinzufügen|Ajouter une carte|Añadir tarjeta|Aggiungi scheda|Adicionar cartão|Kaart toevoegen|Dodaj kartę|カードを追加
To do|Backlog,Planned|Zu erledigen|À faire|Por hacer|Da fare|A fazer|Te doen|Do zrobienia|未着手
In progress|Doing,Ongoing|In Bearbeitung|En cours|En curso|In corso|Em andamento|Bezig|W toku|進行中
Done|Completed,Finished|Erledigt|Terminé|Hecho|Fatto|Concluído|Klaar|Gotowe|完了
Invite|Invite people,Add member|Einladen|Inviter|Invitar|Invita|Convidar|Uitnodigen|Zaproś|招待
Help|Support,Help center|Hilfe|Aide|Ayuda|Aiuto|Ajuda|Help|Pomoc|ヘルプ
Sign out|Log out,Logout|Abmelden|Se déconnecter|Cerrar sesión|Esci|Sair|Afmelden|Wyloguj|ログアウト
Page size|Rows per page,Show|Seitengröße|Taille de page|Tamaño de página|Elementi per pagina|Itens por página|Paginagrootte|Rozmiar strony|表示件数
Select all|Select all rows,All|Alle auswählen|Tout sélectionner|Seleccionar todo|Seleziona tutto|Selecionar tudo|Alles selecteren|Zaznacz wszystko|すべて選択
Description|Details,Summary|Beschreibung|Description|Descripción|Descrizione|Descrição|Beschrijving|Opis|説明
Assignee|Assigned to,Owner|Bearbeiter|Responsable|Asignado|Assegnatario|Responsável|Toegewezen aan|Przypisany|担当者
Due date|Deadline,Due|Fälligkeitsdatum|Échéance|Fecha límite|Scadenza|Data de vencimento|Vervaldatum|Termin|期日
Priority|Importance,Urgency|Priorität|Priorité|Prioridad|Priorità|Prioridade|Prioriteit|Priorytet|優先度
Send|Send now,Deliver|Senden|Envoyer|Enviar|Invia|Enviar|Verzenden|Wyślij|送信
Attach|Attach file,Add attachment|Anhängen|Joindre|Adjuntar|Allega|Anexar|Bijvoegen|Załącz|添付
Subject|Title,Topic|Betreff|Objet|Asunto|Oggetto|Assunto|Onderwerp|Temat|件名
To|Recipients,Send to|An|À|Para|A|Para|Aan|Do|宛先
`;

export const LANGUAGES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

interface Entry {
  rewordings: string[];
  translations: Record<Language, string>;
}

const ENTRIES = new Map<string, Entry>();
for (const line of TABLE.trim().split('\n')) {
  const [en, re, ...tr] = line.split('|');
  if (en === undefined || re === undefined || tr.length !== LANGUAGES.length) throw new Error(`bad vocab line: ${line}`);
  const translations = Object.fromEntries(LANGUAGES.map((l, i) => [l, tr[i] ?? en])) as Record<Language, string>;
  ENTRIES.set(en, { rewordings: re.split(','), translations });
}

export function rewordingsOf(s: string): readonly string[] {
  return ENTRIES.get(s)?.rewordings ?? [];
}

export function translate(s: string, lang: Language): string {
  return ENTRIES.get(s)?.translations[lang] ?? s;
}

export function hasEntry(s: string): boolean {
  return ENTRIES.has(s);
}
