DOCS = [
("G11", "https://patientcareonline-13lyj6vie-mjhls.vercel.app/view/after-fall-what-cause-back-pain", "After a Fall, What Cause of Back Pain? (Patient Care photo challenge)", r"""
~ After a Fall, What Cause of Back Pain?
inj alt back gait sec | Rushing down a flight of hardwood stairs wearing socks lands a 38-year-old man on his back and then in the ED for evaluation of back pain that prohibits walking.
. | Can you spot the problem on the x-ray?
inj alt | A 38-year-old man slips at home while rushing down hardwood stairs wearing socks and falls hard onto the stairs injuring his back.
back gait sec | He is having a lot of trouble walking because of right-sided low back pain that radiates up his back and down to his thigh when he tries to stand.
. | He says he took two ibuprofen at home without relief.
inj:n | He denies any neck pain, head injury, or other injuries or complaints.
. | He takes no regular medication and has no prior medical conditions.
. | He has a friend at the bedside who drove him to the ED.
. | On physical examination vital signs are all normal except for his blood pressure, which is elevated at 147/81 mm Hg, most likely a result of pain.
. | His head and neck are non-tender and atraumatic.
back | The upper back is non-tender, however he is tender in the lower back, more so on the right side with a slight abrasion.
. | His neurovascular examination is intact.
. | You order spinal films.
img:n | The lateral view is normal.
. | The AP view is shown in the Figure, at right.
. | Do you see anything wrong? (Click on image to enlarge and look carefully)
~ Please leave a comment below; for answer and discussion, CLICK HERE.
"""),
("G12", "http://www.jacknaimsnotes.com/2013/05/image-of-day-15-unstable-l2-burst.html", "Image of the Day 17: Unstable L1 Burst Fracture (Jack Naim's notes, emergency physician blog)", r"""
~ May 31, 2013
~ Image of the Day 17: Unstable L1 Burst Fracture
. | The case that I want to share here is to stress up the importance of pain management in which I did it pretty bad.
inj alt | A patient of mine is a teenage girl who was playing on the top of crane which about four meters when she suddenly slip, fall and landed on the foot first but due to imbalance, then fall on the buttock and back.
back | Sustain a very bad lower back pain associated with numbness of bilateral limb.
back | The pain is very severe but reduce by lying on left lateral position.
. | upon examination, patient still able to move the lower limb with intact flexion/extension of lower limb's joint.
. | she only complaint of numbness.
dx:h | In my mind, I was expecting some crack fracture of the lumbar spine and give IV Diclofenac 75 mg stat.
back | The pain reducing in severity  but still patient unable to lie supine.
. | Supposedly, I should make her lie flat and put on spinal board to immobilize her  but due to pain, I think it is ok to let her lie in left lateral position
. | After the radiological imaging.
inj | I was shocked to see that the injury is far more severe than I expect.
img dx | Yes, I do anticipate fracture but not the unstable L1 burst fracture like this.
. | Then I decided to give IV Fentanyl 50 mcg stat dose and surprisingly that she can lie flat.
. | Well, that's the lesson that i learn.
~ Always expect the worst injury in patient who fall with a significant high and provide a good analgesia so that you can put them on proper supine position on spinal board and proceed with radiological imaging.
"""),
("G13", "https://ehealthforum.com/health/acl-tear-t329493.html", "ACL tear?? (eHealthForum orthopedics forum post)", r"""
~ Medical Questions > Conditions and Diseases > Orthopedics Forum
~ ACL tear??
~ Hey guys, I'm hoping to get some insight here.
inj alt | 2 weeks ago today I was playing in a soccer game, I had my foot planted and attempted to move quickly out of the opposing girls way, well since my foot was planted, my body went and my knee/leg stayed..
. | I heard a loud pop and also felt it.
. | Other people around me heard it as well.
. | I immediately hit the ground, I'm pretty sure I was thrashing around like a fish out of water, it was so painful!!!
gait | I couldn't walk on it or bend it.
inj gait | I went to the ER (veterans hospital, not the best healthcare), he performed a lachmans test, but it was about 3-4 hours after injury and I was sitting in a wheel chair, not laying down!
dx | He said it was a sprain but to follow up with my PCP..
. | It began to swell, not a lot like double but it was a little swollen for 4 days.
gait | A few days later I was walking on it with a limp..
gait | It still hurts to go up and down stairs or curbs.
. | I tried running on it just to see if it was better, it didn't hurt but there was a weird sensation, hard to explain.
gait | Yesterday I was walking, my knee just gave out, I didn't fall but it was noticale to those around me.
inj | I don't know if it has to do with the injury of if it was just coincedence..
. | Maybe I'm in denial.
dx:h | My question is do you think this is just a sprain?
. | Should I cancel my MRI appt?
~ Did you find this post helpful?
"""),
("G14", "https://www.askthedoctor.com/chronic-low-back-pain-after-a-fall-10368", "Chronic Low Back Pain after a Fall (AskTheDoctor Q&A)", r"""
~ Chronic Low Back Pain after a Fall
inj alt back | Patient: I have been suffering from chronic lumber-sacral pain after falling from a height about five years back.
img:n back | X-rays and MRI revealed a normal study without any complication but the pain persisted with nagging lethargy up till now.
. | Strong analgesics seem to have no effect.
. | So what do i do now ?
back | Doctor: In the view that you were checked out at the hospital and everything was normal, the most likely diagnosis would be: Mec hanical low back pain (LBP) which is the second most common reason for seeing a physician in the United States.The conservative treatment of the mechanical lower back pain is basically relative rest, avoiding all the activities that produce pain or discomfort, such as weight lifting.
. | Also very important is to keep a good posture at all times and sleeping with a pillow between the knees while lying on one side may increase comfort.
~ Some doctors recommend lying on your back with a pillow under your knees.   Control of the pain and inflammation with Ice, transcutaneous electrical nerve stimulation (TENS), Physical Therapy and anti-inflammatory drugs (“Aleve”). Try to keep a consistent exercise routine with stretching and extension-flexion which may reduce tension and stress to the spinal joints. After your visit to the hospital for back pain, it is recommended that you follow your doctor’s instructions as carefully as possible. This includes taking the medications and performing activities as directed.
"""),
("G15", "https://www.askthedoctor.com/lower-back-pain-with-previous-history-of-ice-skating-accident-115362", "Lower back pain with previous history of ice skating accident (AskTheDoctor Q&A)", r"""
~ Lower back pain with previous history of ice skating accident
inj alt back img | Patient: I had an accident in 2000 on a ice skating rink and have been having pain in my lower back ever since i did go for an x-ray on my neck and found that i had 5-6 vetabra damage
img | Doctor: According to the x-rays report you have problems in your cervical spine, possibly you have that same problem in your lu umbar spine.
. | In the younger patients, cervical radiculopathy may be a result of a disc herniation or an acute injury causing impingement of an exiting nerve.
. | In the older patient, cervical radiculopathy is often a result of spinal canal narrowing from bone (osteophyte) formation, decreased disc height and degenerative changes due to aging process.
~ The treatment strategy usually includes: start a physical therapy program aimed to control pain and inflammation, and the use of anti-inflammatory medication (“motrin”, “aleve”), also  you should have a re-education of habits and posture to improve your quality of life. You also should be independent in a stretching and strengthening program and continue with these exercises under the periodic supervision of a physical therapist initially and then completely on your own. If your condition fails to improve with a comprehensive rehabilitation program and selective injections, you may be considering a re-evaluation by a Orthopedic surgeon to explore other treatment options more aggressive.
"""),
("G16", "https://www.askthedoctor.com/severe-lower-back-pain-in-a-middle-aged-female-32112", "Severe Lower back pain in a middle aged female (AskTheDoctor Q&A)", r"""
~ Severe Lower back pain in a middle aged female
inj alt | Patient: I fell down a flight of stairs a year ago and when I landed my lower body all compressed together.
img:n | Xrays at the ER showed nothing wrong.
back | It took me about a month to recover, now my lower left back feels like I did it yesterday.
back | There are some mornings it is very hard to move.
. | The only medications I take regularly are Metaforin, Altace, and Crestor.
. | Do you think my problem is muscular, from the medications , or more serious?
. | Doctor: First of all, I strongly recommend that you go over and review the dosage and perform the muscle and hepatic function te sts to make sure that “Crestor” is not the one that is causing those “myalgias” (muscle pain).
back | After  rule out this and  other potential causes of back pain  as inflammation/ compression of root nerves at the level of the spine, with a thoroughly evaluation by your PCP, we can think that maybe you are experiencing a Mechanical lower Back pain, which is the second most common reason for seeing a physician in the United States.
~ Of the US population, 85% will experience an episode of mechanical LBP at some point during their lifetime. Fortunately, the LBP resolves for the vast majority within 2-4 weeks. Here some useful measures: keep a good posture at all times and practice low-impact activities such as swimming, walking, and bicycling can increase overall fitness without straining the low back. Standing: While standing, keep your head up and stomach pulled in. If you are required to stand for long periods of time, you should have a small stool on which to rest one foot at a time. Do not wear high heels. Take anti inflammatory medication (“Motrin”, “Aleve”) as needed.
"""),
("G17", "https://www.askthedoctor.com/something-heavy-fell-on-my-back-172228", "Something heavy fell on my back (AskTheDoctor Q&A)", r"""
~ Something heavy fell on my back
inj alt back | Patient: Something heavy fell on my lower back on the right side yesterday and it still hurts, what should i do to reduce the pain?
back | Symptoms: Back pain…especially when bending down or when you touch where it hurts
. | Doctor: Thank you for your question.
inj:h | It is possible that you sustained a soft tissue and muscle contusion (bruise) of the lower back.
inj back | Your spine may also be involved in this injury as you are experiencing pain as you bend over.
. | You can treat this pain by applying an ice back for 15-20 minutes at a time to relieve any swelling and inflammation.
. | You can also take some oral analgesic medication such as 500mg Ibuprofen or Acetaminophen if you have no allergies to either of these medications.
inj:h | We would like you to have your doctor examine your back to make sure there are no serious injuries to your spine.
. | If left untreated a spinal column injury, especially in the lumbar region (lower back) can greatly impede your mobility, and cause life long pain.
~ Please be guided accordingly.Thank you for choosing
"""),
("G18", "https://www.va.gov/wholehealth/professional-resources/clinician-tools/library-research-articles/Chiropractic-Care.asp", "VA Whole Health library: Chapman & Bakkum 2012 case, US Army veteran with low back pain (case report abstract)", r"""
~ Chiropractic Care
~ Library of Research Articles on Veterans and CIH Therapies
~ January 2021 Edition
~ Chiropractic Care
~ Chapman C, Bakkum BW. Chiropractic management of a US Army veteran with low back pain and piriformis syndrome complicated by an anatomical anomaly of the piriformis muscle: a case study. J Chiropr Med. 2012 Mar;11(1):24-9. doi: 10.1016/j.jcm.2011.06.011.
~ The purpose of this article is to present the case of a patient with an anatomical anomaly of the piriformis muscle who had a piriformis syndrome and was managed with chiropractic care.
~ Case Report
back | A 32-year-old male patient presented to a chiropractic clinic with a chief complaint of low back pain that radiated into his right buttock, right posterior thigh, and right posterior calf.
back inj:s svc cont op:+ | The complaint began 5 years prior as a result of injuries during Airborne School in the US Army resulting in a 60% disability rating from the Veterans Administration.
img dx | Magnetic resonance imaging demonstrated a mildly decreased intradiscal T2 signal with shallow central subligamentous disk displacement and low-grade facet arthropathy at L5/S1, a hypolordotic lumbar curvature, and accessory superior bundles of the right piriformis muscle without morphologic magnetic resonance imaging evidence of piriformis syndrome.
~ Intervention and Outcome
. | Chiropractic treatment included lumbar and sacral spinal manipulation with soft tissue massage to associated musculature and home exercise recommendations.
~ Variations from routine care included proprio
"""),
("G19", "https://nursingcenter.com/cearticle?Issue_ID=5814988&Journal_ID=403341&an=00006416-202103000-00011", "Vertebral compression fracture after a fall: case presentation (Orthopaedic Nursing CE article)", r"""
~ Introduction
~ Back pain is a common complaint in the adult population. An estimated 1.5 million vertebral compression fractures (VCFs), the most common type of fracture secondary to osteoporosis, occur in the United States every year, with annual expenditures estimated to exceed $1 billion. These fractures have the potential to cause significant disability, with some patients experiencing disfigurement and height loss, and, in rare cases, leading to the development of chronic pain. Those with significantly impaired functional status are also at an increased risk for further complications such as pressure sores and pneumonia. Patients with an acute VCF most commonly report abrupt onset of back pain, with or without trauma, which is worsened with position changes or activities that increase abdominal pressure such as coughing, sneezing, or lifting. The majority of patients can be treated successfully, defined as the ability to return to previous level of function, with conservative management (Alexandru & So, 2012; Goldstein et al., 2015; Kim et al., 2003; McCarthy & Davis, 2016).
~ Case Presentation
inj back | A 47-year-old man presented to the emergency department (ED) with acute back pain secondary to a fall.
inj alt | He was walking alongside a ravine, slipped on loose gravel, fell approximately 4-5 ft into the ravine, ultimately landing on his left buttocks and falling backward onto his back.
back | He noted immediate onset of low back pain.
gait:n back | After a few minutes, he was able to ambulate independently but noted continued severe back pain that brought him into the ED.
. | He denied any lower extremity weakness, numbness, or tingling.
. | He denied saddle anesthesia.
. | Upon presentation was an alert, oriented, affected-appropriate male in no apparent distress.
inj | There were several small abrasions about the low back but no gross deformity.
back | He was notably tender midline, overlying L2.
back | The surrounding paraspinal region was also tender, but to a lesser degree, with mild edema.
~ Bilateral lower extremity strength w
"""),
("G20", "https://www.rayenceusa.com/post/buttressing-of-the-sacrum", "Buttressing of the Sacrum (Rayence USA radiology case)", r"""
~ Case History
back | This 70-year-old male patient complains of lower back and right hip pain, measured at 3/10.
back dx | Occasionally, the patient experiences symptoms of radiculopathy down the right leg.
~ Radiographic Findings
img | Observe the sclerotic appearance of the dome of the sacral promontory.
img | This sclerotic appearance is unrelated in osteoblastic activity from neoplasm but rather a stress related phenomenon.
img | The disc space narrowing at the L5/S1 level is advanced placing a significant amount of stress upon the anterior sacral promontory, which allows subchondral degenerative sclerosis to occur.
img dx | Notice, there is a double degenerative spondylolisthesis with a slight anterior displacement at L3 upon L4 and L5 upon the sacrum.
. | Degenerative spondylolisthesis has been defined by Hadley as spondylolisthesis with an intact neural arch.
. | Degenerative spondylolisthesis is seen most frequently in females over the age of 40 and often obese.
. | This follows the “3 F signs” of degenerative spondylolisthesis: Females over Forty and Fat (apology offered).
. | Note also, mild atherosclerosis present in the abdominal aorta.
"""),
]
