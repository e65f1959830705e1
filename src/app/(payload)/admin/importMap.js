import { WorkflowPanel as WorkflowPanel_331f365f72bf75c18d95c05b2fcb29cb } from '../../../../src/features/workflow/admin/WorkflowPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReaderPreview as ReaderPreview_14a93004a796671bdb1cb3619b044afe } from '../../../../src/admin/components/ReaderPreview'
import { WorkflowStatusCell as WorkflowStatusCell_cb40cfea099aa283444c2d8c4eb3009f } from '../../../../src/features/workflow/admin/WorkflowStatusCell'
import { AuditHistory as AuditHistory_25ea2559951481df543660cd0e1d5690 } from '../../../../src/features/audit/admin/AuditHistory'
import { ImportReview as ImportReview_44f1198098659c3c4a6e53dbd977f33a } from '../../../../src/features/import/admin/ImportReview'
import { ArticleQuickFilters as ArticleQuickFilters_ed419c665c0ca7f01cf8f643cc6b3a3d } from '../../../../src/features/workflow/admin/ArticleQuickFilters'
import { BulkReviewBar as BulkReviewBar_4ddd9d2cd5fd1f91fbe812b5501bbb39 } from '../../../../src/features/workflow/admin/BulkReviewBar'
import { PublishChangesButton as PublishChangesButton_23322dcbdc3af85073f86b1eaf89a9c3 } from '../../../../src/features/workflow/admin/PublishChangesButton'
import { ReviewStateStatus as ReviewStateStatus_3e1d774b6dc53b00855aac3e7b3cf2fe } from '../../../../src/features/workflow/admin/ReviewStateStatus'
import { NoButton as NoButton_680292414cff166d66abb5284d80c1a1 } from '../../../../src/features/workflow/admin/NoButton'
import { PhotoStatusCell as PhotoStatusCell_771da2a1266b0eb0d39d3717b1b63ecc } from '../../../../src/admin/components/PhotoStatusCell'
import { PhotoStatusLive as PhotoStatusLive_bb14223ac26d4d5334e99b0abe492440 } from '../../../../src/features/photos/admin/PhotoStatusLive'
import { FilenameCell as FilenameCell_27de3932c952ae03c9b65d09d45d3214 } from '../../../../src/features/photos/admin/FilenameCell'
import { ApiKeyPanel as ApiKeyPanel_0b138586e0f50dd9f4dd6a1a1680a9e5 } from '../../../../src/features/apiClients/admin/ApiKeyPanel'
import { SecretField as SecretField_14e1af5e6630c4314946c7f3ccf8f81d } from '../../../../src/features/webhooks/admin/SecretField'
import { RedeliverButton as RedeliverButton_897e275bc986bc7e22c655356997b846 } from '../../../../src/features/webhooks/admin/RedeliverButton'
import { CalendarNavLink as CalendarNavLink_646cfe14f4cfb9ec981a30fc60ec2bd7 } from '../../../../src/features/calendar/admin/CalendarNavLink'
import { ReviewQueue as ReviewQueue_cade97ef3b6cb945a09327fdad95434d } from '../../../../src/features/workflow/admin/ReviewQueue'
import { CalendarView as CalendarView_86475d8e699fefbd265e18a992b8ca36 } from '../../../../src/features/calendar/admin/CalendarView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/features/workflow/admin/WorkflowPanel#WorkflowPanel": WorkflowPanel_331f365f72bf75c18d95c05b2fcb29cb,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/components/ReaderPreview#ReaderPreview": ReaderPreview_14a93004a796671bdb1cb3619b044afe,
  "/src/features/workflow/admin/WorkflowStatusCell#WorkflowStatusCell": WorkflowStatusCell_cb40cfea099aa283444c2d8c4eb3009f,
  "/src/features/audit/admin/AuditHistory#AuditHistory": AuditHistory_25ea2559951481df543660cd0e1d5690,
  "/src/features/import/admin/ImportReview#ImportReview": ImportReview_44f1198098659c3c4a6e53dbd977f33a,
  "/src/features/workflow/admin/ArticleQuickFilters#ArticleQuickFilters": ArticleQuickFilters_ed419c665c0ca7f01cf8f643cc6b3a3d,
  "/src/features/workflow/admin/BulkReviewBar#BulkReviewBar": BulkReviewBar_4ddd9d2cd5fd1f91fbe812b5501bbb39,
  "/src/features/workflow/admin/PublishChangesButton#PublishChangesButton": PublishChangesButton_23322dcbdc3af85073f86b1eaf89a9c3,
  "/src/features/workflow/admin/ReviewStateStatus#ReviewStateStatus": ReviewStateStatus_3e1d774b6dc53b00855aac3e7b3cf2fe,
  "/src/features/workflow/admin/NoButton#NoButton": NoButton_680292414cff166d66abb5284d80c1a1,
  "/src/admin/components/PhotoStatusCell#PhotoStatusCell": PhotoStatusCell_771da2a1266b0eb0d39d3717b1b63ecc,
  "/src/features/photos/admin/PhotoStatusLive#PhotoStatusLive": PhotoStatusLive_bb14223ac26d4d5334e99b0abe492440,
  "/src/features/photos/admin/FilenameCell#FilenameCell": FilenameCell_27de3932c952ae03c9b65d09d45d3214,
  "/src/features/apiClients/admin/ApiKeyPanel#ApiKeyPanel": ApiKeyPanel_0b138586e0f50dd9f4dd6a1a1680a9e5,
  "/src/features/webhooks/admin/SecretField#SecretField": SecretField_14e1af5e6630c4314946c7f3ccf8f81d,
  "/src/features/webhooks/admin/RedeliverButton#RedeliverButton": RedeliverButton_897e275bc986bc7e22c655356997b846,
  "/src/features/calendar/admin/CalendarNavLink#CalendarNavLink": CalendarNavLink_646cfe14f4cfb9ec981a30fc60ec2bd7,
  "/src/features/workflow/admin/ReviewQueue#ReviewQueue": ReviewQueue_cade97ef3b6cb945a09327fdad95434d,
  "/src/features/calendar/admin/CalendarView#CalendarView": CalendarView_86475d8e699fefbd265e18a992b8ca36,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
